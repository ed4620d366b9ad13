//! docs/FORMAT.md describes the dispatch data's layout in tables (`| word |
//! field | meaning |`); they must say what mvimg-cpu's one definition
//! (`image::layout`) says, field by field, in the same order.

use mvimg_cpu::image::layout::RECORDS;

#[test]
fn format_doc_tables_match_the_layout() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/FORMAT.md")).unwrap();
    let mut tables: Vec<Vec<(String, u32, u32)>> = Vec::new();
    let mut in_table = false;
    for line in doc.lines() {
        if line.starts_with("| word | field | meaning |") {
            tables.push(Vec::new());
            in_table = true;
            continue;
        }
        if !in_table || line.starts_with("|---") {
            continue;
        }
        if !line.starts_with('|') {
            in_table = false;
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (word, field) = (cells[1], cells[2]);
        let (first, last) = match word.split_once('–') {
            Some((a, b)) => (a.parse::<u32>().unwrap(), b.parse::<u32>().unwrap()),
            None => {
                let w = word.parse::<u32>().unwrap();
                (w, w)
            }
        };
        tables
            .last_mut()
            .unwrap()
            .push((field.to_owned(), first, last - first + 1));
    }
    assert_eq!(tables.len(), RECORDS.len(), "one table per record");
    for (table, record) in tables.iter().zip(RECORDS) {
        let expected: Vec<(String, u32, u32)> = record
            .fields
            .iter()
            .map(|f| (f.name.to_owned(), f.word, f.words))
            .collect();
        assert_eq!(table, &expected, "the {} record", record.name);
    }
}
