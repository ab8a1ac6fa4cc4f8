//! What the watcher reports, and the bookkeeping that turns what pcscd says (the readers
//! listed, each reader's state) into those events. Pure, so that odd orders of things can be
//! tested without pcscd.

/// A change at the card readers. Reader names are not personal data; nothing here is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderEvent {
    /// A reader is there (also for every reader present when the watch starts). `pin_pad`
    /// is what the reader answered without a card; [`super::PcscCard::pin_pad`] has the
    /// last word.
    ReaderAttached {
        name: String,
        pin_pad: bool,
    },
    /// The reader was unplugged, or pcscd stopped. A card in it is reported removed first.
    ReaderGone {
        name: String,
    },
    /// A card is in the reader (also one already in when the watch starts, and one that
    /// does not answer: reading it tells why).
    CardInserted {
        reader: String,
    },
    CardRemoved {
        reader: String,
    },
}

struct Known {
    name: String,
    card: bool,
    /// pcscd's count of insertions and removals in this reader, once seen.
    events: Option<u32>,
}

/// The readers as last reported, so that each change is told once.
#[derive(Default)]
pub struct Readers {
    known: Vec<Known>,
}

impl Readers {
    /// The readers listed now: a reader no longer listed is gone (its card removed first), a
    /// new one attached; `pin_pad` asks a new reader whether it has a pad.
    pub fn listed(
        &mut self,
        names: &[String],
        mut pin_pad: impl FnMut(&str) -> bool,
    ) -> Vec<ReaderEvent> {
        let mut events = Vec::new();
        self.known.retain(|reader| {
            let listed = names.contains(&reader.name);
            if !listed {
                events.extend(gone(reader));
            }
            listed
        });
        for name in names {
            if !self.known.iter().any(|reader| &reader.name == name) {
                events.push(ReaderEvent::ReaderAttached {
                    name: name.clone(),
                    pin_pad: pin_pad(name),
                });
                self.known.push(Known {
                    name: name.clone(),
                    card: false,
                    events: None,
                });
            }
        }
        events
    }

    /// What pcscd says of reader `name`: whether a card is in it and its event count.
    pub fn observed(&mut self, name: &str, present: bool, event_count: u32) -> Vec<ReaderEvent> {
        let Some(reader) = self.known.iter_mut().find(|reader| reader.name == name) else {
            return Vec::new();
        };
        let inserted = || ReaderEvent::CardInserted {
            reader: name.to_owned(),
        };
        let removed = || ReaderEvent::CardRemoved {
            reader: name.to_owned(),
        };
        // Two or more insertions and removals since the last look with a card in both times:
        // the card was swapped while the watcher was busy. The kiosk must see the first card
        // leave, or it would go on with the next resident as if they were the last one.
        let swapped = reader
            .events
            .is_some_and(|before| (event_count.wrapping_sub(before) & 0xFFFF) >= 2);
        let events = match (reader.card, present) {
            (false, true) => vec![inserted()],
            (true, false) => vec![removed()],
            (true, true) if swapped => vec![removed(), inserted()],
            _ => Vec::new(),
        };
        reader.card = present;
        reader.events = Some(event_count);
        events
    }

    /// pcscd went away: every reader with it.
    pub fn all_gone(&mut self) -> Vec<ReaderEvent> {
        self.known
            .drain(..)
            .flat_map(|reader| gone(&reader))
            .collect()
    }
}

fn gone(reader: &Known) -> Vec<ReaderEvent> {
    let mut events = Vec::new();
    if reader.card {
        events.push(ReaderEvent::CardRemoved {
            reader: reader.name.clone(),
        });
    }
    events.push(ReaderEvent::ReaderGone {
        name: reader.name.clone(),
    });
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "Virtual PCD 00 00";
    const B: &str = "ACS ACR38U-CCID 01 00";

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    fn attached(name: &str, pin_pad: bool) -> ReaderEvent {
        ReaderEvent::ReaderAttached {
            name: name.into(),
            pin_pad,
        }
    }

    fn inserted(reader: &str) -> ReaderEvent {
        ReaderEvent::CardInserted {
            reader: reader.into(),
        }
    }

    fn removed(reader: &str) -> ReaderEvent {
        ReaderEvent::CardRemoved {
            reader: reader.into(),
        }
    }

    fn gone(name: &str) -> ReaderEvent {
        ReaderEvent::ReaderGone { name: name.into() }
    }

    #[test]
    fn readers_are_attached_once_and_asked_about_their_pad() {
        let mut readers = Readers::default();
        let events = readers.listed(&names(&[A, B]), |name| name == B);
        assert_eq!(events, [attached(A, false), attached(B, true)]);
        assert_eq!(readers.listed(&names(&[A, B]), |_| true), []);
    }

    #[test]
    fn a_card_already_in_is_reported_inserted_then_removed_once() {
        let mut readers = Readers::default();
        readers.listed(&names(&[A]), |_| false);
        assert_eq!(readers.observed(A, true, 1), [inserted(A)]);
        assert_eq!(readers.observed(A, true, 1), []);
        assert_eq!(readers.observed(A, false, 2), [removed(A)]);
        assert_eq!(readers.observed(A, false, 2), []);
    }

    #[test]
    fn a_card_swapped_between_two_looks_is_removed_then_inserted() {
        let mut readers = Readers::default();
        readers.listed(&names(&[A]), |_| false);
        readers.observed(A, true, 1);
        assert_eq!(readers.observed(A, true, 3), [removed(A), inserted(A)]);
        // The count wraps at 16 bits.
        readers.observed(A, true, 0xFFFF);
        assert_eq!(
            readers.observed(A, true, 0x1_0001),
            [removed(A), inserted(A)]
        );
    }

    #[test]
    fn an_unplugged_reader_loses_its_card_first() {
        let mut readers = Readers::default();
        readers.listed(&names(&[A, B]), |_| false);
        readers.observed(A, true, 1);
        assert_eq!(
            readers.listed(&names(&[B]), |_| false),
            [removed(A), gone(A)]
        );
        // An unknown reader's state changes nothing.
        assert_eq!(readers.observed(A, true, 2), []);
        assert_eq!(
            readers.listed(&names(&[A, B]), |_| false),
            [attached(A, false)]
        );
    }

    #[test]
    fn pcscd_stopping_takes_every_reader_and_card_along() {
        let mut readers = Readers::default();
        readers.listed(&names(&[A, B]), |_| false);
        readers.observed(B, true, 1);
        assert_eq!(readers.all_gone(), [gone(A), removed(B), gone(B)]);
        assert_eq!(readers.all_gone(), []);
        assert_eq!(
            readers.listed(&names(&[A]), |_| false),
            [attached(A, false)]
        );
    }
}
