//! Writes `docs/examples/tracker.xlsx`: the spreadsheet a newcomer fills in
//! and gives to `pledgeboard import`, with the three sheets (`localities`,
//! `commitments`, `updates`), their headers and one example row each, for a
//! site made by `pledgeboard init --languages en,fr` (the content model's
//! default statuses and parties, and the topics init declares), beside
//! init's sample locality.
//!
//! `cargo run --example tracker_template` writes it again; the workbook's
//! date is fixed, so the same program writes the same file.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// One sheet: its name, then its header and example row, cell by cell.
type Sheet = (&'static str, &'static [(&'static str, &'static str)]);

const LOCALITIES: Sheet = (
    "localities",
    &[
        ("locality", "hillside"),
        ("country", "BF"),
        ("latitude", "12.41"),
        ("longitude", "-1.36"),
        ("name", "Hillside"),
        ("name.fr", "Les Collines"),
        ("region", "Centre"),
        ("region.fr", "Centre"),
        ("dialogue_since", "2023-05"),
        ("partners", "Hillside women's association; Youth council"),
        ("next_review", "2025-03-15"),
        (
            "body",
            "The dialogue meets every three months at the town hall.",
        ),
        (
            "body.fr",
            "Le dialogue se réunit tous les trois mois à la mairie.",
        ),
    ],
);

const COMMITMENTS: Sheet = (
    "commitments",
    &[
        ("locality", "hillside"),
        ("id", "street-lighting"),
        ("short_key", ""),
        ("title", "Street lights on the market road"),
        ("title.fr", "Éclairage public sur la route du marché"),
        ("summary", "The council installs ten solar street lights."),
        ("summary.fr", "La mairie installe dix lampadaires solaires."),
        ("pledged_by", "local-government; community"),
        ("agreed", "2024-03-12"),
        ("due", "2024-12-31"),
        ("status", "in-progress"),
        ("progress", "40"),
        ("topics", "lighting"),
        ("responsible", "Town council, works department"),
        ("responsible.fr", "Mairie, service technique"),
        (
            "body",
            "Residents said the market road is unsafe after dark.",
        ),
        (
            "body.fr",
            "Les habitants jugent la route du marché dangereuse la nuit.",
        ),
    ],
);

const UPDATES: Sheet = (
    "updates",
    &[
        ("locality", "hillside"),
        ("commitment", "street-lighting"),
        ("date", "2024-06-20"),
        ("review", ""),
        ("status", "in-progress"),
        ("progress", "40"),
        ("assessed_by", "joint"),
        ("note", "Four of the ten lights are up."),
        ("note.fr", "Quatre des dix lampadaires sont posés."),
        (
            "sources",
            "https://example.org/hillside-review-2024-06.pdf Minutes of the June review",
        ),
    ],
);

/// Columns whose example is a number or a date in the spreadsheet.
const NUMBERS: [&str; 3] = ["latitude", "longitude", "progress"];
const DATES: [&str; 4] = ["agreed", "due", "date", "next_review"];

fn main() -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2025, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, cells) in [LOCALITIES, COMMITMENTS, UPDATES] {
        let sheet = book.add_worksheet().set_name(name)?;
        for (col, (header, example)) in cells.iter().enumerate() {
            let col = col as u16;
            sheet.write_string_with_format(0, col, *header, &bold)?;
            sheet.set_column_width(col, 18)?;
            if example.is_empty() {
            } else if NUMBERS.contains(header) {
                sheet.write_number(1, col, example.parse::<f64>().unwrap_or_default())?;
            } else if DATES.contains(header) {
                sheet.write_datetime_with_format(
                    1,
                    col,
                    &ExcelDateTime::parse_from_str(example)?,
                    &date,
                )?;
            } else {
                sheet.write_string(1, col, *example)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/examples/tracker.xlsx");
    book.save(path)?;
    println!("Wrote {path}");
    Ok(())
}
