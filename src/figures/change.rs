//! How a measure moved between two values: `16次` → `119次` is `+103次`; `40多场次` → `50多场次` is
//! `≈+10场次` (an estimate moves by an estimate); a percentage moves by points (`15.3%` → `5.6%` is
//! `−9.7个百分点`); values in different units do not subtract (`≠`).

use super::Figure;

/// The difference of two values of one measure.
#[derive(Debug, Clone, PartialEq)]
pub enum Delta {
    /// By this much, in this unit; `approx` when either value is an estimate.
    By { amount: f64, unit: String, approx: bool },
    /// The values do not subtract (other units).
    Differs,
}

/// The multiplier a unit is written with (`万元` is 10⁴ of `元`).
fn scale(unit: &str) -> f64 {
    match unit.chars().next() {
        Some('万') => 1e4,
        Some('亿') => 1e8,
        _ => 1.0,
    }
}

/// How `after` differs from `before`.
pub fn delta(before: &Figure, after: &Figure) -> Delta {
    if before.base_unit() != after.base_unit() {
        return Delta::Differs;
    }
    // In the unit the later value is written in.
    let b = before.amount * scale(&before.unit) / scale(&after.unit);
    let unit = if after.unit == "%" {
        "个百分点".to_string()
    } else {
        after.unit.clone()
    };
    Delta::By {
        amount: after.amount - b,
        unit,
        approx: before.approx || after.approx,
    }
}

/// The difference as a table shows it: `+103次`, `−1件`, `±0次`, `≈+10场次`, `−9.7个百分点`, `≠`.
pub fn change(before: &Figure, after: &Figure) -> String {
    match delta(before, after) {
        Delta::Differs => "≠".to_string(),
        Delta::By { amount, unit, approx } => {
            let sign = if amount > 1e-9 {
                "+"
            } else if amount < -1e-9 {
                "−"
            } else {
                "±"
            };
            let magnitude = format!("{:.2}", amount.abs());
            let magnitude = magnitude.trim_end_matches('0').trim_end_matches('.');
            format!("{}{sign}{magnitude}{unit}", if approx { "≈" } else { "" })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::find;
    use super::*;

    fn moved(before: &str, after: &str) -> String {
        change(&find(before, 0)[0], &find(after, 0)[0])
    }

    #[test]
    fn changes_read_as_numbers() {
        assert_eq!(moved("16次", "119次"), "+103次");
        assert_eq!(moved("3件", "2件"), "−1件");
        assert_eq!(moved("5次", "5次"), "±0次");
        assert_eq!(moved("40多场次", "50多场次"), "≈+10场次");
        assert_eq!(moved("6000余人次", "8000余人次"), "≈+2000人次");
        assert_eq!(moved("15.3%", "5.6%"), "−9.7个百分点");
        assert_eq!(moved("12.6亿元", "15.3亿元"), "+2.7亿元");
        assert_eq!(moved("8500万元", "1.2亿元"), "+0.35亿元");
        assert_eq!(moved("1.2万余件", "1.3万余件"), "≈+0.1万件");
        assert_eq!(moved("二十二项", "二十四项"), "+2项");
        assert_eq!(moved("两次", "三次"), "+1次");
        assert_eq!(moved("5次", "5人"), "≠");
    }
}
