//! The headphone jack: a headset plugged in starts speech mode, pulled out stops it, as on a
//! talking cash machine (EN 301 549 5.1.3 lets a closed kiosk start speech this way).
//!
//! Linux reports a sound card's jack as an input device with the switch `SW_HEADPHONE_INSERT`
//! (HDA codecs do; many USB sound cards do not). [`find_jacks`] picks those devices out of
//! `/proc/bus/input/devices`; [`start`] reads their `input_event`s on a thread each (evdev
//! reads block) and reports [`JackEvent`]s through a channel. Where the hardware reports no
//! jack, nothing is found and nothing happens: the speech key and "Read aloud" still work.
//!
//! Only insertions and removals count, not the state at start: a headset left plugged in
//! overnight must not make the next sighted resident's kiosk talk.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::sync::mpsc;

/// What the jack reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JackEvent {
    Plugged,
    Unplugged,
}

/// `EV_SW` and `SW_HEADPHONE_INSERT` from `linux/input-event-codes.h`.
const EV_SW: u16 = 0x05;
const SW_HEADPHONE_INSERT: u16 = 0x02;

/// `struct input_event`: a `struct timeval` (two C longs), then type and code (u16) and value
/// (i32), in the machine's byte order.
const TIMEVAL_SIZE: usize = 2 * std::mem::size_of::<std::ffi::c_long>();
pub const EVENT_SIZE: usize = TIMEVAL_SIZE + 8;

/// Where Linux lists its input devices with their capabilities.
pub const PROC_INPUT_DEVICES: &str = "/proc/bus/input/devices";

/// The event devices (`/dev/input/eventN`) that report a headphone jack, from the text of
/// [`PROC_INPUT_DEVICES`]: one block per device, `H: Handlers=… eventN` naming its device and
/// `B: SW=…` its switches as a bitmap in hexadecimal words, the most significant first.
pub fn find_jacks(devices: &str) -> Vec<PathBuf> {
    devices
        .split("\n\n")
        .filter(|block| block.lines().any(has_headphone_switch))
        .filter_map(|block| {
            let handlers = block.lines().find_map(|l| l.strip_prefix("H: Handlers="))?;
            let event = handlers
                .split_whitespace()
                .find(|h| h.strip_prefix("event").is_some_and(is_number))?;
            Some(Path::new("/dev/input").join(event))
        })
        .collect()
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn has_headphone_switch(line: &str) -> bool {
    let Some(bitmap) = line.strip_prefix("B: SW=") else {
        return false;
    };
    // Bit 2 lies in the last (least significant) word.
    bitmap
        .split_whitespace()
        .next_back()
        .and_then(|word| u64::from_str_radix(word, 16).ok())
        .is_some_and(|word| word & (1 << SW_HEADPHONE_INSERT) != 0)
}

/// What one `input_event` says of the headphone jack; `None` for any other event (the
/// microphone switch, the end-of-report marker, …).
pub fn decode(event: &[u8; EVENT_SIZE]) -> Option<JackEvent> {
    let field = |at: usize| [event[at], event[at + 1]];
    let kind = u16::from_ne_bytes(field(TIMEVAL_SIZE));
    let code = u16::from_ne_bytes(field(TIMEVAL_SIZE + 2));
    let value = i32::from_ne_bytes([
        event[TIMEVAL_SIZE + 4],
        event[TIMEVAL_SIZE + 5],
        event[TIMEVAL_SIZE + 6],
        event[TIMEVAL_SIZE + 7],
    ]);
    (kind == EV_SW && code == SW_HEADPHONE_INSERT).then_some(if value == 0 {
        JackEvent::Unplugged
    } else {
        JackEvent::Plugged
    })
}

/// An `input_event` as the kernel writes it: for tests that play a jack through a pipe.
pub fn encode(kind: u16, code: u16, value: i32) -> [u8; EVENT_SIZE] {
    let mut event = [0; EVENT_SIZE];
    event[TIMEVAL_SIZE..TIMEVAL_SIZE + 2].copy_from_slice(&kind.to_ne_bytes());
    event[TIMEVAL_SIZE + 2..TIMEVAL_SIZE + 4].copy_from_slice(&code.to_ne_bytes());
    event[TIMEVAL_SIZE + 4..].copy_from_slice(&value.to_ne_bytes());
    event
}

/// The `input_event` of a headset plugged in (`true`) or pulled out.
pub fn jack_event(plugged: bool) -> [u8; EVENT_SIZE] {
    encode(EV_SW, SW_HEADPHONE_INSERT, i32::from(plugged))
}

/// The jack's events; dropping it lets the reading threads end at their next event.
#[derive(Debug)]
pub struct JackEvents {
    receiver: mpsc::Receiver<JackEvent>,
}

impl JackEvents {
    /// The next insertion or removal; `None` once every device is gone for good.
    pub async fn next(&mut self) -> Option<JackEvent> {
        self.receiver.recv().await
    }
}

/// How long a device that could not be read waits before it is opened again (a USB sound card
/// unplugged, say).
const REOPEN_AFTER: Duration = Duration::from_secs(2);

/// Reads the jack events of `devices`, each on a thread of its own.
pub fn start(devices: Vec<PathBuf>) -> std::io::Result<JackEvents> {
    let (sender, receiver) = mpsc::channel(8);
    for device in devices {
        let sender = sender.clone();
        std::thread::Builder::new()
            .name("headset-jack".into())
            .spawn(move || watch(&device, &sender))?;
    }
    Ok(JackEvents { receiver })
}

fn watch(device: &Path, sender: &mpsc::Sender<JackEvent>) {
    // Said once, not every REOPEN_AFTER: a jack the kiosk may not read (its user not in the
    // `input` group) or a sound card left unplugged would fill the journal otherwise.
    let mut failing = false;
    while !sender.is_closed() {
        let failure = match std::fs::File::open(device) {
            Ok(file) => {
                failing = false;
                tracing::info!(device = %device.display(), "listening to the headphone jack");
                read_events(file, sender).err()
            }
            Err(error) => Some(error),
        };
        if let Some(error) = failure
            && !std::mem::replace(&mut failing, true)
        {
            tracing::warn!(device = %device.display(), %error, "headphone jack not readable; trying again quietly");
        }
        std::thread::sleep(REOPEN_AFTER);
    }
}

/// Sends every jack event read from `input` until it ends or nobody listens.
fn read_events(mut input: impl Read, sender: &mpsc::Sender<JackEvent>) -> std::io::Result<()> {
    let mut event = [0; EVENT_SIZE];
    loop {
        match input.read_exact(&mut event) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(error) => return Err(error),
        }
        if let Some(jack) = decode(&event)
            && sender.blocking_send(jack).is_err()
        {
            return Ok(());
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Synthetic, in the kernel's format: a laptop's HDA codec with a headphone jack (SW=4) and
    /// a microphone jack (SW=10), a keyboard, and a USB sound card reporting nothing.
    const DEVICES: &str = "\
I: Bus=0011 Vendor=0001 Product=0001 Version=ab41
N: Name=\"AT Translated Set 2 keyboard\"
P: Phys=isa0060/serio0/input0
H: Handlers=sysrq kbd event0 leds
B: PROP=0
B: EV=120013
B: KEY=402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe
B: MSC=10
B: LED=7

I: Bus=0000 Vendor=0000 Product=0000 Version=0000
N: Name=\"HDA Intel PCH Mic\"
P: Phys=ALSA
H: Handlers=event11
B: PROP=0
B: EV=21
B: SW=10

I: Bus=0000 Vendor=0000 Product=0000 Version=0000
N: Name=\"HDA Intel PCH Headphone\"
P: Phys=ALSA
H: Handlers=event12
B: PROP=0
B: EV=21
B: SW=4

I: Bus=0003 Vendor=0d8c Product=0014 Version=0100
N: Name=\"USB Audio Device\"
P: Phys=usb-0000:00:14.0-2/input3
H: Handlers=kbd event13
B: PROP=0
B: EV=13
B: KEY=e000000000000 0
";

    #[test]
    fn only_the_device_with_a_headphone_switch_is_a_jack() {
        assert_eq!(find_jacks(DEVICES), [PathBuf::from("/dev/input/event12")]);
    }

    #[test]
    fn the_switch_is_found_in_the_last_word_of_a_long_bitmap() {
        let block = "N: Name=\"Dock\"\nH: Handlers=event5\nB: SW=1 4\n";
        assert_eq!(find_jacks(block), [PathBuf::from("/dev/input/event5")]);
        let block = "N: Name=\"Dock\"\nH: Handlers=event5\nB: SW=4 1\n";
        assert!(find_jacks(block).is_empty());
    }

    #[test]
    fn a_machine_without_a_jack_has_none() {
        assert!(find_jacks("").is_empty());
        assert!(find_jacks("B: SW=zz\nH: Handlers=event1\n").is_empty());
        assert!(find_jacks("B: SW=4\nH: Handlers=kbd\n").is_empty());
    }

    #[test]
    fn the_headphone_switch_decodes_and_other_events_do_not() {
        assert_eq!(decode(&jack_event(true)), Some(JackEvent::Plugged));
        assert_eq!(decode(&jack_event(false)), Some(JackEvent::Unplugged));
        // SW_MICROPHONE_INSERT, and the EV_SYN report that follows every switch.
        assert_eq!(decode(&encode(EV_SW, 0x04, 1)), None);
        assert_eq!(decode(&encode(0, 0, 0)), None);
        // A key (EV_KEY) whose code happens to be 2.
        assert_eq!(decode(&encode(0x01, SW_HEADPHONE_INSERT, 1)), None);
    }

    #[test]
    fn events_are_read_one_whole_record_at_a_time() {
        let mut stream = Vec::new();
        for event in [
            jack_event(true),
            encode(0, 0, 0),
            jack_event(false),
            jack_event(true),
        ] {
            stream.extend_from_slice(&event);
        }
        // Half a record at the end (a device gone mid-write) is not an event.
        stream.extend_from_slice(&jack_event(false)[..EVENT_SIZE / 2]);
        let (sender, mut receiver) = mpsc::channel(8);
        read_events(stream.as_slice(), &sender).unwrap();
        let mut got = Vec::new();
        while let Ok(event) = receiver.try_recv() {
            got.push(event);
        }
        assert_eq!(
            got,
            [JackEvent::Plugged, JackEvent::Unplugged, JackEvent::Plugged]
        );
    }
}
