//! Refresh tests, end to end against a fixture server on the loopback address: spreadsheets written by the test (new days, fewer days, many revisions, not a spreadsheet), a publication page's JSON, and the dataset untouched whenever a step fails.

use std::io::Write;

use super::*;

/// The first day of every fixture series (a Monday, so its weeks end on Sundays).
const FIRST_DAY: &str = "2024-01-01";
/// "Today" for the tests: the changelog's date.
const TODAY: &str = "2025-02-01";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// One day of a fixture series: its date, people and boats.
#[derive(Clone, Copy)]
struct Day {
    date: NaiveDate,
    people: u32,
    boats: u32,
}

/// `n_days` days from `FIRST_DAY`, with figures that differ from day to day.
fn days(n_days: usize) -> Vec<Day> {
    (0..n_days)
        .map(|day_idx| Day {
            date: date(FIRST_DAY) + chrono::Days::new(day_idx as u64),
            people: 10 + day_idx as u32,
            boats: 1 + (day_idx % 3) as u32,
        })
        .collect()
}

fn cell(value: &str) -> String {
    format!("<table:table-cell office:value-type=\"string\"><text:p>{value}</text:p></table:table-cell>")
}

fn number(value: u32) -> String {
    format!("<table:table-cell office:value-type=\"float\" office:value=\"{value}\"><text:p>{value}</text:p></table:table-cell>")
}

fn date_cell(day: NaiveDate) -> String {
    format!(
        "<table:table-cell office:value-type=\"date\" office:date-value=\"{day}T00:00:00\"><text:p>{day}</text:p></table:table-cell>"
    )
}

fn row(cells: &[String]) -> String {
    format!("<table:table-row>{}</table:table-row>", cells.concat())
}

/// An ODS spreadsheet laid out as the Home Office's: SB_01 by day, SB_02 by whole week.
fn spreadsheet(days: &[Day], daily_headings: &[&str]) -> Vec<u8> {
    let mut daily = row(&daily_headings
        .iter()
        .map(|heading| cell(heading))
        .collect::<Vec<_>>());
    for day in days {
        daily.push_str(&row(&[
            date_cell(day.date),
            number(day.people),
            number(day.boats),
            cell("-"),
        ]));
    }
    let mut weekly = row(&crate::import::WEEKLY_HEADINGS.map(cell));
    for week in days.chunks_exact(7) {
        weekly.push_str(&row(&[
            date_cell(week[6].date),
            number(week.iter().map(|day| day.people).sum()),
            number(week.iter().map(|day| day.boats).sum()),
            cell("-"),
            cell("-"),
            cell("-"),
        ]));
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet>\
<table:table table:name=\"SB_01\">{daily}</table:table>\
<table:table table:name=\"SB_02\">{weekly}</table:table>\
</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        writer.start_file(name, stored).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn time_series(days: &[Day]) -> Vec<u8> {
    spreadsheet(days, &crate::import::DAILY_HEADINGS)
}

/// A folder of its own for one test, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let folder =
            std::env::temp_dir().join(format!("bse-refresh-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&folder).ok();
        std::fs::create_dir_all(folder.join("site/media")).unwrap();
        std::fs::create_dir_all(folder.join("project/target")).unwrap();
        Scratch(folder)
    }

    fn dataset_path(&self) -> PathBuf {
        self.0.join("dataset.json")
    }

    /// The reference copy of the spreadsheet, replaced when a refresh is written.
    fn reference_path(&self) -> PathBuf {
        self.0.join("reference.ods")
    }

    /// Puts a file on the fixture site.
    fn serve(&self, path: &str, bytes: &[u8]) {
        let file = self.0.join("site").join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, bytes).unwrap();
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// The test dataset: the minimal fixture with the time series' source and `n_days` days imported.
fn write_dataset(scratch: &Scratch, n_days: usize) -> String {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal-valid.json");
    let mut tree: Value = serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    tree["sources"].as_array_mut().unwrap().push(serde_json::json!({
        "id": TIME_SERIES_SOURCE_ID, "title": "Migrants detected crossing the English Channel in small boats – time series",
        "publisher": "Home Office", "published": "2024-01-20", "url": PUBLICATION_PAGE, "kind": "statistics",
        "note": "The edition before the refresh."
    }));
    let spreadsheet_path = scratch.0.join("base.ods");
    std::fs::write(&spreadsheet_path, time_series(&days(n_days))).unwrap();
    let (daily, weekly) = read_time_series(&spreadsheet_path).unwrap();
    update_dataset_tree(&mut tree, &daily, &weekly).unwrap();
    let text = to_dataset_json_text(&tree);
    border_security_explorer::data::parse_dataset(text.as_bytes())
        .expect("the test dataset is valid");
    std::fs::write(scratch.dataset_path(), &text).unwrap();
    text
}

/// The publication page's JSON as GOV.UK's content API gives it, listing a report and the spreadsheet.
fn publication_json(spreadsheet_address: &str) -> String {
    serde_json::json!({
        "title": "Migrants detected crossing the English Channel in small boats",
        "public_updated_at": "2025-01-31T09:30:00.000+00:00",
        "details": {"attachments": [
            {"attachment_type": "file", "title": "Small boats: weekly report", "url": "https://assets.example/report.pdf",
             "content_type": "application/pdf"},
            {"attachment_type": "file", "title": "Migrants detected crossing the English Channel in small boats – time series",
             "url": spreadsheet_address, "content_type": "application/vnd.oasis.opendocument.spreadsheet",
             "filename": "time-series.ods"}
        ]}
    })
    .to_string()
}

/// The page's address on the fixture site, after serving its JSON and the spreadsheet.
fn serve_publication(scratch: &Scratch, port: u16, spreadsheet: &[u8]) -> String {
    let spreadsheet_address = format!("http://127.0.0.1:{port}/media/time-series.ods");
    scratch.serve("media/time-series.ods", spreadsheet);
    scratch.serve(
        "api/content/government/publications/small-boats",
        publication_json(&spreadsheet_address).as_bytes(),
    );
    format!("http://127.0.0.1:{port}/government/publications/small-boats")
}

fn page_options(page: String, accept: bool) -> RefreshOptions {
    RefreshOptions {
        origin: Origin::Page(page),
        accept,
        published: None,
        summary_path: None,
    }
}

fn run(scratch: &Scratch, options: &RefreshOptions) -> Result<(), String> {
    refresh(
        &scratch.0.join("project"),
        &scratch.dataset_path(),
        Some(&scratch.reference_path()),
        options,
        date(TODAY),
    )
}

fn read_dataset(scratch: &Scratch) -> Value {
    serde_json::from_str(&std::fs::read_to_string(scratch.dataset_path()).unwrap()).unwrap()
}

fn server(scratch: &Scratch) -> u16 {
    crate::serve::spawn_server(&scratch.0.join("site"), "/", false)
        .unwrap()
        .0
}

#[test]
fn the_publication_page_leads_to_the_new_days_and_they_are_recorded() {
    let scratch = Scratch::new("new-days");
    write_dataset(&scratch, 20);
    let port = server(&scratch);
    let page = serve_publication(&scratch, port, &time_series(&days(27)));
    let summary_path = scratch.0.join("summary.md");
    let options = RefreshOptions {
        summary_path: Some(summary_path.clone()),
        ..page_options(page, false)
    };
    run(&scratch, &options).unwrap();
    let tree = read_dataset(&scratch);
    let daily = &tree["crossings"]["daily"];
    assert_eq!(daily["people"].as_array().unwrap().len(), 27);
    assert_eq!(daily["as_of"], "2024-01-27");
    assert_eq!(
        tree["crossings"]["weekly"]["people"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let entry = &tree["changelog"][0];
    assert_eq!(entry["date"], TODAY);
    let entry_text = entry["summary"].as_str().unwrap();
    assert!(entry_text.contains("7 days added"), "{entry_text}");
    let source = tree["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|source| source["id"] == TIME_SERIES_SOURCE_ID)
        .unwrap();
    assert_eq!(source["published"], "2025-01-31", "the page's own date");
    let note = source["note"].as_str().unwrap();
    assert!(
        note.contains("data to 27 January 2024")
            && note.contains(&format!("127.0.0.1:{port}/media/time-series.ods")),
        "{note}"
    );
    let summary = std::fs::read_to_string(summary_path).unwrap();
    assert!(
        summary.contains("### What changed") && summary.contains("7 days added"),
        "{summary}"
    );
    assert!(!scratch.0.join("dataset.json.refresh-tmp").exists());
    assert_eq!(
        std::fs::read(scratch.reference_path()).unwrap(),
        time_series(&days(27)),
        "the reference copy is the edition read"
    );
}

#[test]
fn a_spreadsheet_that_removes_days_is_refused_unless_accepted() {
    let scratch = Scratch::new("fewer-days");
    let before = write_dataset(&scratch, 20);
    let port = server(&scratch);
    let page = serve_publication(&scratch, port, &time_series(&days(13)));
    let error = run(&scratch, &page_options(page.clone(), false)).unwrap_err();
    assert!(
        error.contains("removes 7 day(s)") && error.contains("14 January 2024 to 20 January 2024"),
        "{error}"
    );
    assert!(error.contains("--accept"), "{error}");
    assert_eq!(
        std::fs::read_to_string(scratch.dataset_path()).unwrap(),
        before,
        "the dataset is untouched"
    );
    assert!(
        !scratch.reference_path().exists(),
        "and so is the reference copy"
    );
    run(&scratch, &page_options(page, true)).unwrap();
    assert_eq!(
        read_dataset(&scratch)["crossings"]["daily"]["people"]
            .as_array()
            .unwrap()
            .len(),
        13
    );
}

#[test]
fn a_spreadsheet_that_revises_many_days_is_refused_unless_accepted() {
    let scratch = Scratch::new("revisions");
    let before = write_dataset(&scratch, 20);
    let port = server(&scratch);
    let mut revised = days(21);
    for day in revised.iter_mut().take(5) {
        day.people += 100;
    }
    let page = serve_publication(&scratch, port, &time_series(&revised));
    let error = run(&scratch, &page_options(page.clone(), false)).unwrap_err();
    assert!(
        error.contains("revises the figures of 5 of the 20 days"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(scratch.dataset_path()).unwrap(),
        before
    );
    let summary_path = scratch.0.join("summary.md");
    let options = RefreshOptions {
        summary_path: Some(summary_path.clone()),
        ..page_options(page, true)
    };
    run(&scratch, &options).unwrap();
    assert_eq!(
        read_dataset(&scratch)["crossings"]["daily"]["people"][0],
        110
    );
    let summary = std::fs::read_to_string(summary_path).unwrap();
    assert!(
        summary.contains("### Accepted although") && summary.contains("| 2024-01-01 | 10 | 110 |"),
        "{summary}"
    );
}

#[test]
fn one_revised_day_in_a_long_series_is_taken() {
    let scratch = Scratch::new("one-revision");
    write_dataset(&scratch, 200);
    let port = server(&scratch);
    let mut revised = days(207);
    revised[199].boats += 1;
    let page = serve_publication(&scratch, port, &time_series(&revised));
    run(&scratch, &page_options(page, false)).unwrap();
    assert_eq!(
        read_dataset(&scratch)["crossings"]["daily"]["people"]
            .as_array()
            .unwrap()
            .len(),
        207
    );
}

#[test]
fn a_malformed_spreadsheet_is_named_and_nothing_changes() {
    let scratch = Scratch::new("malformed");
    let before = write_dataset(&scratch, 20);
    let port = server(&scratch);
    let page = serve_publication(&scratch, port, b"<html>Service unavailable</html>");
    let error = run(&scratch, &page_options(page, false)).unwrap_err();
    assert!(error.contains("not a readable ODS spreadsheet"), "{error}");
    let mut headings = crate::import::DAILY_HEADINGS;
    headings[1] = "People arrived";
    let page = serve_publication(&scratch, port, &spreadsheet(&days(27), &headings));
    let error = run(&scratch, &page_options(page, false)).unwrap_err();
    assert!(
        error.contains("SB_01")
            && error.contains("\"Migrants arrived\"")
            && error.contains("\"People arrived\""),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(scratch.dataset_path()).unwrap(),
        before
    );
}

#[test]
fn a_page_without_the_spreadsheet_or_a_missing_file_is_an_error_that_says_which() {
    let scratch = Scratch::new("missing");
    let before = write_dataset(&scratch, 20);
    let port = server(&scratch);
    scratch.serve(
        "api/content/government/publications/no-series",
        serde_json::json!({"public_updated_at": "2025-01-31T09:30:00Z", "details": {"attachments": [
            {"title": "Small boats: weekly report", "url": "https://assets.example/report.pdf", "content_type": "application/pdf"}
        ]}})
        .to_string()
        .as_bytes(),
    );
    let page = format!("http://127.0.0.1:{port}/government/publications/no-series");
    let error = run(&scratch, &page_options(page, false)).unwrap_err();
    assert!(
        error.contains("none of the publication page's 1 attachment(s)")
            && error.contains("Small boats: weekly report"),
        "{error}"
    );
    let page = format!("http://127.0.0.1:{port}/government/publications/not-there");
    let error = run(&scratch, &page_options(page, false)).unwrap_err();
    assert!(
        error.contains("downloading") && error.contains("404"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(scratch.dataset_path()).unwrap(),
        before
    );
}

#[test]
fn the_same_edition_again_changes_nothing() {
    let scratch = Scratch::new("same");
    let before = write_dataset(&scratch, 20);
    let spreadsheet_path = scratch.0.join("same.ods");
    std::fs::write(&spreadsheet_path, time_series(&days(20))).unwrap();
    let options = RefreshOptions {
        origin: Origin::File(spreadsheet_path),
        accept: false,
        published: Some(date("2024-01-21")),
        summary_path: Some(scratch.0.join("summary.md")),
    };
    run(&scratch, &options).unwrap();
    let summary = std::fs::read_to_string(scratch.0.join("summary.md")).unwrap();
    assert!(summary.contains("nothing to do"), "{summary}");
    assert_eq!(
        std::fs::read_to_string(scratch.dataset_path()).unwrap(),
        before
    );
}

#[test]
fn only_https_or_this_machine_is_fetched() {
    for refused in [
        "http://www.gov.uk/x",
        "file:///etc/passwd",
        "ftp://127.0.0.1/x",
        "https://",
        "http://127.0.0.1.example.com/x",
        "gopher://localhost/",
    ] {
        assert!(allowed_address(refused).is_err(), "{refused}");
    }
    for allowed in [
        "https://www.gov.uk/x",
        "http://127.0.0.1:8123/x",
        "http://localhost/x",
    ] {
        assert!(allowed_address(allowed).is_ok(), "{allowed}");
    }
    assert_eq!(
        content_api_address(PUBLICATION_PAGE).unwrap(),
        "https://www.gov.uk/api/content/government/publications/migrants-detected-crossing-the-english-channel-in-small-boats"
    );
    assert!(content_api_address("https://www.gov.uk").is_err());
}

#[test]
fn options_say_what_is_missing() {
    let args = |text: &str| {
        text.split_whitespace()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let error = RefreshOptions::parse(&args("--file a.ods")).unwrap_err();
    assert!(error.contains("--published"), "{error}");
    let error = RefreshOptions::parse(&args("--file a.ods --published 21/08/2026")).unwrap_err();
    assert!(error.contains("\"21/08/2026\" is not a date"), "{error}");
    assert_eq!(
        RefreshOptions::parse(&args("--accept")).unwrap(),
        RefreshOptions {
            origin: Origin::Page(PUBLICATION_PAGE.to_string()),
            accept: true,
            published: None,
            summary_path: None
        }
    );
    assert!(RefreshOptions::parse(&args("--frobnicate")).is_err());
}
