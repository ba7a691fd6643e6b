public import ChartDrawCore

/// The JSON form of an `ChartDrawCore/Evaluation`: the `chartdraw evaluate --format json`
/// output.
///
/// `{"outcome": {"status", "time", "bar", "target", "stop"}, "events": [{"time", "bar",
/// "objectId", "kind", "price", "ratio"?}]}`, keys in that order; times canonical ISO-8601,
/// numbers in the shortest round-trip form (``JSONWriter``); `time`, `bar`, `target`, `stop`
/// and `objectId` are `null` when there is none; `ratio` only for `level_reached`.
public enum EvaluationEncoder {
    /// The evaluation as JSON bytes (compact, or pretty with 2-space indents); no final newline.
    public static func encode(_ e: Evaluation, pretty: Bool = false) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, reserve: 128 + e.events.count * 96)
        w.beginObject()
        w.key("outcome")
        w.beginObject()
        w.key("status")
        w.writeString(e.outcome.status.rawValue)
        w.key("time")
        if let t = e.outcome.time { w.writeString(t.iso8601) } else { w.writeNull() }
        w.key("bar")
        if let b = e.outcome.bar { w.writeInteger(Int64(b)) } else { w.writeNull() }
        w.key("target")
        if let id = e.roles.target { w.writeString(id) } else { w.writeNull() }
        w.key("stop")
        if let id = e.roles.stop { w.writeString(id) } else { w.writeNull() }
        w.endObject()
        w.key("events")
        w.beginArray()
        for ev in e.events {
            w.element()
            w.beginObject()
            w.key("time")
            w.writeString(ev.time.iso8601)
            w.key("bar")
            w.writeInteger(Int64(ev.bar))
            w.key("objectId")
            if let id = ev.objectId { w.writeString(id) } else { w.writeNull() }
            w.key("kind")
            w.writeString(ev.kind.rawValue)
            w.key("price")
            w.writeNumber(ev.price)
            if let r = ev.ratio {
                w.key("ratio")
                w.writeNumber(r)
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }
}
