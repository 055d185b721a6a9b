fn main() {
    for p in std::env::args().skip(1) {
        let src = duibi::load::load(std::path::Path::new(&p), &Default::default()).unwrap();
        let d = duibi::outline::outline(&src);
        println!("== {} title={:?} addr={:?} unit={:?} year={:?} sig={:?} date={:?}", d.file, d.title, d.addressee, d.unit, d.year, d.signature, d.date);
        println!("preamble {} closing {:?}", d.preamble.len(), d.closing);
        for id in d.walk() { let s = d.section(id); println!("{}{} {} | {} | body {}", "  ".repeat(s.level-1), s.level, s.number, s.heading, s.body.len()); }
    }
}
