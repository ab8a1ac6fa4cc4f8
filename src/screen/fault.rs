//! When the kiosk cannot start (a broken config, a failed start): residents are sent to the desk
//! in every language, and staff read what is wrong and where to fix it.

use iced::widget::{column, container, rule, scrollable, text};
use iced::{Element, Length};

use kiosk_core::i18n::{FluentArgs, I18n, Language};

use crate::theme::{self, size};

#[derive(Debug, Clone)]
pub struct State {
    /// The file to fix, when the fault is in a file.
    pub file: Option<std::path::PathBuf>,
    /// One line per problem, for staff: `PATH:LINE: KEY: reason`.
    pub details: Vec<String>,
}

impl State {
    pub fn view<'a>(&'a self, i18n: &I18n) -> Element<'a, ()> {
        // We do not know the visitor's language, so the resident's part is in all four.
        let residents = Language::ALL.iter().map(|&language| {
            column![
                text(i18n.text(language, "fault-title"))
                    .size(size::BODY)
                    .font(theme::BOLD),
                text(i18n.text(language, "fault-resident")).size(size::HINT),
            ]
            .spacing(6)
            .into()
        });
        let staff_language = Language::Dutch;
        let mut staff = column![
            text(i18n.text(staff_language, "fault-staff"))
                .size(size::BODY)
                .font(theme::BOLD)
        ]
        .spacing(12);
        for line in &self.details {
            staff = staff.push(text(line.clone()).size(28));
        }
        if let Some(file) = &self.file {
            let mut args = FluentArgs::new();
            args.set("path", file.display().to_string());
            staff = staff
                .push(text(i18n.format(staff_language, "fault-fix", Some(&args))).size(size::HINT));
        }
        container(scrollable(
            column![column(residents).spacing(28), rule::horizontal(4), staff]
                .spacing(40)
                .padding(48),
        ))
        .width(Length::Fill)
        .height(Length::Fill)
        .style(theme::page)
        .into()
    }
}
