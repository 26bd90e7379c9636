//! The `depeche` command line (FORMAT.md, "The command line").
fn main() {
    let mut text = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text);
    let result = depeche::annotate(&text, &depeche::Options::default());
    println!("{}", serde_json::to_string(&result).unwrap_or_default());
}
