# Regenerates supply-events-2023-2025.jsonl: the demo's sample events, written for Lodestone, that are
# not official measures (the measures themselves, with their sources, are in supply-events'
# io/lodestone/events/measures/measures-in-force.jsonl); every line is a SupplyEventDetected (schema v1).
import json

EVENTS = [
    # id, date, type, direction, severity, confidence, elements, groups, countries, companies, corroborations, title
    ("demo-2010-09-23-japan-halt", "2010-09-23T08:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 4, 0.85, [], ["REE"], ["CN", "JP"], [], 4,
     "China halts rare-earth shipments to Japan during the Senkaku fishing-boat dispute"),
    ("demo-2014-03-26-wto-ruling", "2014-03-26T12:00:00Z", "EXPORT_RESTRICTION_EASED", "EASING", 3, 0.85, ["W", "Mo"], ["REE"], ["CN"], [], 3,
     "WTO panel rules that China's export restrictions on rare earths, tungsten and molybdenum break trade rules"),
    ("demo-2023-08-01-gallium-effective", "2023-08-01T06:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 3, 0.85, ["Ga", "Ge"], [], ["CN"], [], 2,
     "Licensing of gallium and germanium exports takes effect; exporters wait for the first permits"),
    ("demo-2023-12-21-technology-ban", "2023-12-21T09:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 3, 0.9, [], ["REE"], ["CN"], [], 3,
     "China bans the export of rare-earth extraction, separation and magnet-making technology"),
    ("demo-2025-05-20-magnet-exports-fall", "2025-05-20T09:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 4, 0.8, [], ["NDFEB_MAGNET"], ["CN"], [], 4,
     "Customs figures show Chinese rare-earth magnet exports fell sharply in April as licences were slow to arrive"),
    ("demo-2025-07-10-mp-dod", "2025-07-10T13:00:00Z", "NEW_SUPPLY", "EASING", 4, 0.9, ["Nd", "Pr"], [], ["US"], ["MP Materials"], 3,
     "MP Materials and the US Department of Defense agree a $400M equity stake, a ten-year NdPr price floor of $110/kg and offtake from a new magnet plant"),
]

with open("supply-events-2023-2025.jsonl", "w", encoding="utf-8") as out:
    for (eid, date, etype, direction, sev, conf, elements, groups, countries, companies, corr, title) in EVENTS:
        supports = elements + groups + [etype]
        event = {
            "schemaVersion": 1, "eventId": eid, "sourceId": "demo", "url": None, "title": title,
            "publishedAt": date, "detectedAt": date, "language": "en", "eventType": etype, "direction": direction,
            "severity": sev, "confidence": conf, "elements": elements, "groups": groups, "countries": countries,
            "companies": companies,
            "evidence": [{"field": "title", "start": 0, "end": len(title), "quote": title, "supports": supports}],
            "corroborations": corr,
        }
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
