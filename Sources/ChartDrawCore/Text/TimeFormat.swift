/// UTC time labels for the time axis and the expiry marker, without Foundation.
///
/// The axis labels a tick by the coarsest calendar boundary it falls on, the way trading
/// charts do: "14:30" inside a day, "8 Jan" at a midnight, "Feb" at the first of a month when
/// ticks are days or months apart, "2026" at the first of a year.
package enum TimeFormat {
    /// English month abbreviations, January first.
    package static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// "HH:mm", e.g. "09:05".
    package static func hourMinute(_ u: UTCDateTime) -> String {
        twoDigits(u.hour) + ":" + twoDigits(u.minute)
    }

    /// "HH:mm:ss", e.g. "09:05:30".
    package static func hourMinuteSecond(_ u: UTCDateTime) -> String {
        hourMinute(u) + ":" + twoDigits(u.second)
    }

    /// Day and month, e.g. "8 Jan".
    package static func dayMonth(_ u: UTCDateTime) -> String {
        String(u.day) + " " + monthName(u.month)
    }

    /// The month's abbreviation, e.g. "Jan"; "?" outside 1...12.
    package static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? monthNames[month - 1] : "?"
    }

    /// The year, e.g. "2026".
    package static func year(_ u: UTCDateTime) -> String { String(u.year) }

    /// A full instant for a marker: "9 Jan 12:00 UTC", with the year ("9 Jan 2027 12:00 UTC")
    /// when it differs from `referenceYear`.
    package static func instant(_ t: Timestamp, referenceYear: Int? = nil) -> String {
        let u = t.utc
        var s = dayMonth(u)
        if let referenceYear, referenceYear != u.year { s += " " + String(u.year) }
        return s + " " + hourMinute(u) + " UTC"
    }

    /// The label of an axis tick at `t` when ticks are `unit` apart.
    package static func tickLabel(_ t: Timestamp, unit: TimeTickUnit) -> String {
        let u = t.utc
        let midnight = u.hour == 0 && u.minute == 0 && u.second == 0
        let newYear = midnight && u.month == 1 && u.day == 1
        switch unit {
        case .second:
            return midnight ? (newYear ? year(u) : dayMonth(u)) : hourMinuteSecond(u)
        case .minute:
            return midnight ? (newYear ? year(u) : dayMonth(u)) : hourMinute(u)
        case .day:
            if newYear { return year(u) }
            return u.day == 1 && midnight ? monthName(u.month) : dayMonth(u)
        case .month:
            return u.month == 1 ? year(u) : monthName(u.month)
        case .year:
            return year(u)
        }
    }

    static func twoDigits(_ v: Int) -> String {
        v < 10 && v >= 0 ? "0" + String(v) : String(v)
    }
}

/// The calendar unit that time-axis ticks step by, which decides their label format.
package enum TimeTickUnit: Hashable, Sendable {
    /// Ticks seconds apart (under a minute).
    case second
    /// Ticks minutes or hours apart (under a day).
    case minute
    /// Ticks days or weeks apart.
    case day
    /// Ticks months apart.
    case month
    /// Ticks years apart.
    case year
}
