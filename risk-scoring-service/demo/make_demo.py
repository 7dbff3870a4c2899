# Regenerates supply-events-2023-2025.jsonl. Titles are written for Lodestone, summarising the
# public 2023-2025 timeline of export controls; every line is a SupplyEventDetected (schema v1).
import json

EVENTS = [
    # id, date, type, direction, severity, confidence, elements, groups, countries, companies, corroborations, title
    ("demo-2010-09-23-japan-halt", "2010-09-23T08:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 4, 0.85, [], ["REE"], ["CN", "JP"], [], 4,
     "China halts rare-earth shipments to Japan during the Senkaku fishing-boat dispute"),
    ("demo-2014-03-26-wto-ruling", "2014-03-26T12:00:00Z", "EXPORT_RESTRICTION_EASED", "EASING", 3, 0.85, ["W", "Mo"], ["REE"], ["CN"], [], 3,
     "WTO panel rules that China's export restrictions on rare earths, tungsten and molybdenum break trade rules"),
    ("demo-2023-07-03-mofcom-23", "2023-07-03T10:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 4, 0.95, ["Ga", "Ge"], [], ["CN"], [], 5,
     "MOFCOM announcement No. 23 of 2023 puts gallium and germanium exports under licence from 1 August"),
    ("demo-2023-08-01-gallium-effective", "2023-08-01T06:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 3, 0.85, ["Ga", "Ge"], [], ["CN"], [], 2,
     "Licensing of gallium and germanium exports takes effect; exporters wait for the first permits"),
    ("demo-2023-10-20-graphite", "2023-10-20T09:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 4, 0.9, ["C"], [], ["CN"], [], 4,
     "China requires export permits for several graphite products from 1 December"),
    ("demo-2023-12-21-technology-ban", "2023-12-21T09:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 3, 0.9, [], ["REE"], ["CN"], [], 3,
     "China bans the export of rare-earth extraction, separation and magnet-making technology"),
    ("demo-2024-08-15-antimony", "2024-08-15T09:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 4, 0.95, ["Sb"], [], ["CN"], [], 4,
     "Announcement No. 33 of 2024 places antimony ores, metal and oxides under export control from 15 September"),
    ("demo-2024-12-03-us-ban", "2024-12-03T08:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 5, 0.95, ["Ga", "Ge", "Sb"], [], ["CN", "US"], [], 6,
     "Announcement No. 46 of 2024: exports of gallium, germanium, antimony and superhard materials to the United States are banned in principle"),
    ("demo-2025-02-04-five-metals", "2025-02-04T09:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 4, 0.95, ["W", "Te", "Bi", "Mo", "In"], [], ["CN"], [], 5,
     "Announcement No. 10 of 2025 adds tungsten, tellurium, bismuth, molybdenum and indium items to export control"),
    ("demo-2025-04-04-mofcom-18", "2025-04-04T09:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 5, 0.95, ["Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"], [], ["CN"], [], 6,
     "Announcement No. 18 of 2025: samarium, gadolinium, terbium, dysprosium, lutetium, scandium and yttrium metals, oxides, alloys and compounds need export licences"),
    ("demo-2025-05-20-magnet-exports-fall", "2025-05-20T09:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 4, 0.8, [], ["NDFEB_MAGNET"], ["CN"], [], 4,
     "Customs figures show Chinese rare-earth magnet exports fell sharply in April as licences were slow to arrive"),
    ("demo-2025-07-10-mp-dod", "2025-07-10T13:00:00Z", "NEW_SUPPLY", "EASING", 4, 0.9, ["Nd", "Pr"], [], ["US"], ["MP Materials"], 3,
     "MP Materials and the US Department of Defense agree a $400M equity stake, a ten-year NdPr price floor of $110/kg and offtake from a new magnet plant"),
    ("demo-2025-10-09-five-more", "2025-10-09T09:00:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 5, 0.95, ["Ho", "Er", "Tm", "Eu", "Yb"], [], ["CN"], [], 4,
     "Announcements Nos. 55 to 58 of 2025 add holmium, erbium, thulium, europium and ytterbium to rare-earth export control"),
    ("demo-2025-10-09-extraterritorial", "2025-10-09T09:30:00Z", "EXPORT_RESTRICTION", "TIGHTENING", 4, 0.9, [], ["REE"], ["CN"], [], 4,
     "Announcements Nos. 61 and 62 of 2025 control rare-earth equipment and technology and reach foreign products with 0.1% or more Chinese-origin rare-earth value"),
    ("demo-2025-11-07-suspension", "2025-11-07T09:00:00Z", "EXPORT_RESTRICTION_EASED", "EASING", 4, 0.9, ["Ho", "Er", "Tm", "Eu", "Yb"], ["REE"], ["CN"], [], 3,
     "Announcement No. 70 of 2025 suspends the October rare-earth measures until 10 November 2026; the April licensing of No. 18 stays in force"),
    ("demo-2025-11-07-us-clause-suspended", "2025-11-07T10:00:00Z", "EXPORT_RESTRICTION_EASED", "EASING", 3, 0.85, ["Ga", "Ge", "Sb"], [], ["CN", "US"], [], 3,
     "The United States clause of Announcement No. 46 on gallium, germanium and antimony is suspended until 27 November 2026"),
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
