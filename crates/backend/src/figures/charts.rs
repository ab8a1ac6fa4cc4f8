//! The charts, drawn on the server as SVG by `plotters` (its SVG backend writes text as SVG
//! text elements, so no font is needed on the server). They illustrate; the tables beside them
//! are the truth, so a screen reader is pointed there.

use plotters::prelude::*;

/// One bar chart of named counts, or `None` when every count is zero (the page says "no data"
/// instead of drawing an empty frame).
pub fn bars(title: &str, y_label: &str, bars: &[(String, u64)]) -> Option<String> {
    let highest = bars.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if highest == 0 {
        return None;
    }
    // plotters escapes the text it writes.
    let labels: Vec<String> = bars.iter().map(|(l, _)| l.clone()).collect();
    let mut svg = String::new();
    let drawn = draw_bars(&mut svg, title, y_label, &labels, bars, highest);
    match drawn {
        Ok(()) => Some(svg),
        Err(e) => {
            tracing::warn!(error = %e, "chart not drawn");
            None
        }
    }
}

type DrawResult = Result<(), Box<dyn std::error::Error>>;

fn draw_bars(
    svg: &mut String,
    title: &str,
    y_label: &str,
    labels: &[String],
    bars: &[(String, u64)],
    highest: u64,
) -> DrawResult {
    // Room for each bar's label under it (about 8 px a character at 15 px).
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    let per_bar = u32::try_from(longest * 8 + 16).unwrap_or(70).max(40);
    let count = u32::try_from(bars.len()).unwrap_or(10).max(3);
    let width = (100 + per_bar * count).min(1100);
    let root = SVGBackend::with_string(svg, (width, 340)).into_drawing_area();
    root.fill(&WHITE)?;
    let top = highest + highest / 10 + 1;
    // A segmented range 0..=last has one segment per bar.
    let last = u32::try_from(bars.len().saturating_sub(1))
        .unwrap_or(0)
        .max(1);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d((0u32..last).into_segmented(), 0u64..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_desc(y_label)
        .x_labels(bars.len())
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => usize::try_from(*i)
                .ok()
                .and_then(|i| labels.get(i))
                .cloned()
                .unwrap_or_default(),
            SegmentValue::Last => String::new(),
        })
        .label_style(("sans-serif", 15))
        .draw()?;
    // Dark blue on white: well above 4.5:1 for the bars and their labels.
    let colour = RGBColor(0x1f, 0x3a, 0x93);
    chart.draw_series(
        Histogram::vertical(&chart)
            .style(colour.filled())
            .margin(8)
            .data(
                bars.iter()
                    .enumerate()
                    .map(|(i, (_, n))| (u32::try_from(i).unwrap_or(0), *n)),
            ),
    )?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_chart_is_svg_with_its_labels_and_none_without_data() {
        let svg = bars(
            "Afspraken",
            "aantal",
            &[("Kiosk".into(), 12), ("Web <b>".into(), 30)],
        )
        .unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("Kiosk") && svg.contains("Web &lt;b&gt;"));
        assert!(svg.contains("<text") && svg.contains("<rect"));
        assert_eq!(bars("Leeg", "aantal", &[("Kiosk".into(), 0)]), None);
    }
}
