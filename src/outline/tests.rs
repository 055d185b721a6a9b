use super::*;

fn doc_of(text: &str) -> Document {
    outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("decodes"))
}

/// `level number heading` per section, in document order.
fn shape(doc: &Document) -> Vec<String> {
    doc.walk()
        .into_iter()
        .map(|id| {
            let s = doc.section(id);
            format!("{} {} {}", s.level(), s.number, s.heading)
        })
        .collect()
}

#[test]
fn sections_and_paragraphs_know_the_line_they_start_on() {
    let d = doc_of(
        "某局2024年工作报告\n\n一、法律顾问\n全年审查合同35份,提供法律\n咨询16次。\n\n二、下一步:计划甲。\n计划乙。一是学法。二是普法。",
    );
    let line_of = |heading: &str| {
        let id = d
            .sections
            .iter()
            .position(|s| s.heading_line.starts_with(heading))
            .expect(heading);
        (
            d.sections[id].line,
            d.paragraphs(id).iter().map(|p| p.line).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        line_of("一、"),
        (3, vec![4]),
        "a paragraph broken across lines starts on its first"
    );
    assert_eq!(line_of("二、"), (7, vec![7, 8]), "a body on the heading's line");
    assert_eq!(line_of("一是").0, 8, "an inline item is on its paragraph's line");
    let first_sentence_of = |section: usize| {
        d.sentences()
            .into_iter()
            .find(|s| s.section() == Some(section))
            .expect("a sentence")
    };
    let s = first_sentence_of(
        d.sections
            .iter()
            .position(|s| s.heading_line.starts_with("一、"))
            .expect("section"),
    );
    assert_eq!(d.line_of(s.place(), s.part), 3);
}

#[test]
fn each_text_hands_over_all_text_in_pieces() {
    let texts = [
        include_str!("../../examples/reports/demo-2023.txt"),
        include_str!("../../examples/reports/demo-2024.txt"),
        "开头一段。\n一、法律顾问:聘请顾问2名。\n(一)\n1.细项。正文。\n二、\n三、下一步\n计划。\n特此报告。",
        "一、\n(一)\n1.只有标题",
    ];
    for text in texts {
        let d = doc_of(text);
        let mut pieces = String::new();
        d.each_text(&mut |p| pieces.push_str(p));
        assert_eq!(pieces, d.all_text(), "{text}");
        assert_eq!(d.all_len(), d.all_text().len(), "{text}");
    }
}

#[test]
fn levels_follow_first_appearance_and_nesting() {
    let doc = doc_of(
        "开头。\n一、工作进展\n(一)加强制度\n1.强化领导。正文一。\n2.完善学法。正文二。\n(二)夯实环境\n1.坚持决策。正文。\n二、存在问题\n问题。\n三、下步措施\n1.加强认识。正文。",
    );
    assert_eq!(
        shape(&doc),
        [
            "1 一、 工作进展",
            "2 (一) 加强制度",
            "3 1. 强化领导",
            "3 2. 完善学法",
            "2 (二) 夯实环境",
            "3 1. 坚持决策",
            "1 二、 存在问题",
            "1 三、 下步措施",
            "2 1. 加强认识",
        ]
    );
    assert_eq!(doc.preamble.len(), 1);
}

#[test]
fn heading_with_body_on_the_same_line_splits_at_first_stop() {
    let doc = doc_of("一、职能\n(一)全面建立权责事项清单制度。本着“所有权力进清单。”的原则,梳理了23项。");
    let s = doc.section(1);
    assert_eq!(s.heading, "全面建立权责事项清单制度");
    assert_eq!(s.heading_line, "(一)全面建立权责事项清单制度。");
    assert_eq!(doc.paragraphs(1)[0].text, "本着“所有权力进清单。”的原则,梳理了23项。");
    assert_eq!(
        doc.own_text(1),
        "(一)全面建立权责事项清单制度。本着“所有权力进清单。”的原则,梳理了23项。"
    );
}

#[test]
fn stray_spaces_in_headings_are_removed_from_heading_text() {
    let doc = doc_of(
        "一 、 主要举措\n(一) 强化统筹\n1 .完善政策激励 体系。 先后出台了文件。\n2 .加大 科技 财 政投入。 近年来投入增加。",
    );
    assert_eq!(
        shape(&doc),
        [
            "1 一、 主要举措",
            "2 (一) 强化统筹",
            "3 1. 完善政策激励体系",
            "3 2. 加大科技财政投入"
        ]
    );
}

#[test]
fn enumerations_become_items_inline_and_at_line_start() {
    let doc = doc_of(
        "一、总体\n(一)职能\n我局重点推进以下工作:一是大力推进权责清单,基本完成编制。二是积极推广政务服务模式。三是推进网上办事。\n二、安排\n一是 以示范点为载体,全面推进。\n二是 加强普法宣传教育。持续落实普法责任制。",
    );
    assert_eq!(
        shape(&doc),
        [
            "1 一、 总体",
            "2 (一) 职能",
            "3 一是 大力推进权责清单",
            "3 二是 积极推广政务服务模式",
            "3 三是 推进网上办事",
            "1 二、 安排",
            "2 一是 以示范点为载体",
            "2 二是 加强普法宣传教育",
        ]
    );
    assert_eq!(doc.paragraphs(1)[0].text, "我局重点推进以下工作:");
    assert_eq!(doc.paragraphs(7)[0].text, "持续落实普法责任制。");
}

#[test]
fn repeated_item_number_does_not_end_the_list() {
    let doc = doc_of(
        "一、环境\n7.营造环境。一是规范审批。二是简化程序。三是推行惩戒。三是加强文件管理。四是发挥法律顾问作用。",
    );
    let items: Vec<String> = shape(&doc).into_iter().filter(|s| s.contains('是')).collect();
    assert_eq!(items.len(), 5, "{items:?}");
    assert!(items[4].ends_with("发挥法律顾问作用"));
}

#[test]
fn numbers_that_are_not_headings_stay_text() {
    let doc = doc_of("一、投入\n2017年全市研发经费11.1亿元。\n1.88亿元的增量。\n5.另一条\n二、问题");
    assert_eq!(shape(&doc), ["1 一、 投入", "1 二、 问题"]);
    assert_eq!(doc.paragraphs(0).len(), 3);
}

#[test]
fn letter_frame_is_recognised() {
    let doc = doc_of(
        "市法制局:\n\n  根据通知要求,现将2017年法治政府建设情况报告如下:\n\n  一、 总体情况\n\n  正文。\n\n  特此报告。\n\n                     阳江市科学技术局\n\n                     2017年11月9日\n下一篇:返回列表",
    );
    assert_eq!(doc.addressee.as_deref(), Some("市法制局:"));
    assert_eq!(doc.unit.as_deref(), Some("阳江市科学技术局"));
    assert_eq!(doc.signature.as_deref(), Some("阳江市科学技术局"));
    assert_eq!(doc.date.as_deref(), Some("2017年11月9日"));
    assert_eq!(doc.year, Some(2017));
    assert_eq!(doc.closing[0].text, "特此报告。");
    assert_eq!(shape(&doc), ["1 一、 总体情况"]);
}

#[test]
fn title_line_gives_unit_and_year() {
    let doc = doc_of(
        "区科技局2018年度法治政府建设情况报告\n\n2018年度,区科技局紧紧围绕工作部署。按照《周村区法治政府建设实施纲要》要求。\n一、完善机制。正文。\n二、强化学习。《周村区科技创新政策汇编》。",
    );
    assert_eq!(doc.title.as_deref(), Some("区科技局2018年度法治政府建设情况报告"));
    assert_eq!(doc.year, Some(2018));
    assert_eq!(doc.unit.as_deref(), Some("周村区科学技术局"));
}

#[test]
fn a_heading_with_its_body_ends_at_a_colon_or_semicolon_too() {
    let doc = doc_of(
        "一、学法用法\n1. 深入学习法律法规:全年共组织开展了6次集中学法。\n2.强化普法宣传；发放资料500余份。\n3.落实“谁执法：谁普法”责任制。正文。",
    );
    let headings: Vec<(String, String)> = doc
        .walk()
        .into_iter()
        .map(|id| {
            let s = doc.section(id);
            (
                s.heading.to_string(),
                doc.paragraphs(id)
                    .first()
                    .map(|p| p.text.to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        headings[1],
        ("深入学习法律法规".into(), "全年共组织开展了6次集中学法。".into())
    );
    assert_eq!(headings[2], ("强化普法宣传".into(), "发放资料500余份。".into()));
    assert_eq!(
        headings[3].0, "落实“谁执法：谁普法”责任制",
        "a colon inside quotes is not the end"
    );
}

#[test]
fn the_year_is_read_from_an_opening_that_says_according_to() {
    let doc = doc_of("根据2024年度法治政府建设工作安排,我局高度重视,现报告如下:\n一、主要工作\n正文。");
    assert_eq!(doc.year, Some(2024));
    let named = doc_of("根据《2021年法治政府建设工作要点》,我局开展各项工作。\n一、主要工作\n正文。");
    assert_eq!(named.year, None, "a document's name is not the report's year");
}

#[test]
fn unit_and_year_from_an_opening_that_names_them_mid_sentence() {
    let doc = doc_of(
        "关于2024年度法治政府建设情况的报告\n根据2024年度法治政府建设工作安排,沈丘县科学技术局高度重视,认真部署。\n一、主要工作\n开展学法3次。\n二、存在问题\n问题仍然存在。",
    );
    assert_eq!(doc.unit.as_deref(), Some("沈丘县科学技术局"));
    assert_eq!(doc.year, Some(2024));
    // A unit ending in 所, 办 or 委员会 is one too.
    let doc = doc_of("今年,沈丘县司法所坚持依法行政。\n一、主要工作\n开展学法3次。");
    assert_eq!(doc.unit.as_deref(), Some("沈丘县司法所"));
    let doc = doc_of("工作报告\n2023年,郑州市科学技术委员会扎实推进法治建设。\n一、主要工作\n开展学法3次。");
    assert_eq!(doc.unit.as_deref(), Some("郑州市科学技术委员会"));
}

#[test]
fn chapters_sections_and_articles_nest() {
    let doc = doc_of(
        "某局法治政府建设实施办法\n第一章 总则\n第一条 为了推进依法行政,制定本办法。\n第二条 本办法适用于全局。\n第二章 行政执法\n第一节 执法程序\n第三条 执法人员应当出示证件。\n第二节 执法监督\n第四条 建立执法监督制度。",
    );
    assert_eq!(
        shape(&doc),
        [
            "1 第一章 总则",
            "2 第一条 为了推进依法行政,制定本办法",
            "2 第二条 本办法适用于全局",
            "1 第二章 行政执法",
            "2 第一节 执法程序",
            "3 第三条 执法人员应当出示证件",
            "2 第二节 执法监督",
            "3 第四条 建立执法监督制度",
        ]
    );
}

#[test]
fn closing_bracket_and_decimal_outlines_are_headings() {
    let doc = doc_of(
        "一、加强领导\n一）落实责任。局长负总责。\n二）完善制度。制定规则。\n二、规范执法\n1）开展培训。培训3次。\n2）加强检查。检查5次。",
    );
    assert_eq!(
        shape(&doc),
        [
            "1 一、 加强领导",
            "2 一） 落实责任",
            "2 二） 完善制度",
            "1 二、 规范执法",
            "2 1） 开展培训",
            "2 2） 加强检查"
        ]
    );
    let doc = doc_of(
        "1.组织保障\n1.1加强领导。局长负总责。\n1.2完善制度。制定规则。\n1.2.1建章立制。制定3项。\n2.规范执法\n2.1开展培训。投入经费1.5万元,培训3次。",
    );
    assert_eq!(
        shape(&doc),
        [
            "1 1. 组织保障",
            "2 1.1 加强领导",
            "2 1.2 完善制度",
            "3 1.2.1 建章立制",
            "1 2. 规范执法",
            "2 2.1 开展培训"
        ]
    );
}

#[test]
fn an_unnumbered_label_over_numbered_lines_is_a_heading() {
    let doc = doc_of(
        "（一）规范执法：开展评查。\n（二）化解纠纷：办理复议。\n存在的主要不足\n1.队伍专业化水平有待提升。\n2.基层执法不够规范。\n下步打算\n1.完善复议机制。\n2.推动顾问全覆盖。",
    );
    assert_eq!(
        shape(&doc),
        [
            "1 （一） 规范执法",
            "1 （二） 化解纠纷",
            "1  存在的主要不足",
            "2 1. 队伍专业化水平有待提升",
            "2 2. 基层执法不够规范",
            "1  下步打算",
            "2 1. 完善复议机制",
            "2 2. 推动顾问全覆盖",
        ]
    );
    // A short line that names no part stays text, and so does a label with nothing numbered after it.
    let doc = doc_of("一、加强领导\n局党组高度重视\n（一）落实责任。\n二、存在问题\n存在的主要不足\n问题仍然存在。");
    assert_eq!(shape(&doc), ["1 一、 加强领导", "2 （一） 落实责任", "1 二、 存在问题"]);
}

#[test]
fn section_texts_are_allocated_at_their_length() {
    // Passages keep these strings for the whole comparison: no slack from growing them.
    let d = doc_of("开头一段。\n一、法律顾问\n正文甲。\n正文乙。\n(一)细项\n细项正文。\n二、下一步\n计划。");
    for id in d.walk() {
        let full = d.full_text(id);
        assert_eq!(full.capacity(), full.len(), "{full:?}");
        let own = d.own_text(id);
        assert_eq!(own.capacity(), own.len(), "{own:?}");
    }
}

#[test]
fn the_issuing_unit_is_found_wherever_the_text_names_it() {
    let unit_and_year = |text: &str| {
        let d = outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("decodes"));
        (d.unit, d.year)
    };
    for (text, unit, year) in [
        (
            "关于示例市交通运输局2023年度法治政府建设情况的报告\n\n一、主要工作\n办理许可1200件。",
            "示例市交通运输局",
            2023,
        ),
        (
            "示例县应急管理局关于2022年法治政府建设工作情况的报告\n\n县委依法治县办:\n一、主要工作\n检查50次。",
            "示例县应急管理局",
            2022,
        ),
        (
            "2024年度示例区城市管理综合执法大队法治政府建设情况报告\n\n一、主要工作\n巡查120次。",
            "示例区城市管理综合执法大队",
            2024,
        ),
        (
            "示例市生态环境局\n2023年法治政府建设工作报告\n\n一、主要工作\n查处案件30起。",
            "示例市生态环境局",
            2023,
        ),
        (
            "2023年法治政府建设工作总结\n\n今年以来,示例区街道办事处在区委领导下扎实推进法治建设。\n一、主要工作\n调解纠纷20件。",
            "示例区街道办事处",
            2023,
        ),
        (
            "法治政府建设年度报告\n\n示例高新技术产业开发区管理委员会(以下简称“管委会”)2022年扎实推进法治政府建设。\n一、主要工作\n办理复议2件。",
            "示例高新技术产业开发区管理委员会",
            2022,
        ),
        (
            "示例市公安局交通警察支队2022年度法治建设工作报告\n\n一、主要工作\n查处违法行为1.2万起。",
            "示例市公安局交通警察支队",
            2022,
        ),
    ] {
        assert_eq!(unit_and_year(text), (Some(unit.to_string()), Some(year)), "{text}");
    }
}

#[test]
fn the_trees_paragraphs_heading_lines_numbers_and_headings_are_stretches_of_the_lines_text() {
    // A copy a paragraph, freed once the body was laid out, left holes between the outline's
    // blocks that the allocator kept: 12 % of a 20 MB comparison's resident peak.
    let text =
        "开头一段。\n一、法律顾问\n全年提供咨询16次,\n审查合同12份。\n(一)细项。正文在同一行。\n1.一是学法。二是普法。";
    let lines = crate::normalize::logical_lines(text);
    let shared = lines[0].text.source().0.clone();
    let doc = super::build::build_tree(&lines);
    let paragraphs: Vec<&Paragraph> = doc
        .preamble
        .iter()
        .chain((0..doc.sections.len()).flat_map(|id| doc.paragraphs(id)))
        .collect();
    assert!(paragraphs.len() >= 3, "{paragraphs:?}");
    for p in paragraphs {
        assert!(std::sync::Arc::ptr_eq(p.text.source().0, &shared), "{p:?}");
    }
    assert!(doc.sections.len() >= 3);
    for s in &doc.sections {
        for t in [&s.heading_line, &s.number, &s.heading] {
            assert!(std::sync::Arc::ptr_eq(t.source().0, &shared), "{t:?} of {s:?}");
        }
    }
}

#[test]
fn a_section_stays_narrow() {
    // A report numbered on every line holds a section a line: its parent and depth take 32 and
    // 16 bits (160 bytes a section when they took 128 and 64), its paragraphs and subsections are
    // stretches of the document's lists (120 bytes with a list of each of its own), and it does
    // not hold its own index in the list (88 bytes when it did).
    let size = std::mem::size_of::<Section>();
    assert!(size <= 80, "{size} bytes");
}

#[test]
fn a_sentence_stays_narrow_and_gives_back_its_place() {
    // A report holds one a sentence through every stage: its place packed in 8 bytes (40 bytes a
    // sentence when it took 16).
    let size = std::mem::size_of::<Sentence>();
    assert!(size <= 28, "{size} bytes");
    let d = outline(
        &SourceText::from_bytes("t.txt", "标题\n前言。\n一、工作\n正文一。正文二。\n落款".as_bytes()).expect("decodes"),
    );
    let places: Vec<Place> = d.sentences().iter().map(Sentence::place).collect();
    assert!(places.contains(&Place::Section(0)), "{places:?}");
    for p in [
        Place::Title,
        Place::Preamble(3),
        Place::Section(7),
        Place::Trailer(2),
        Place::Date,
    ] {
        assert_eq!(PackedPlace::new(p).place(), p);
    }
}
