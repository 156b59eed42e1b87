# Gold cross-references for the demo corpus (assets/demo), written by its
# authors from what each article was written to say, in the format of
# ../shared/eval/seed_gold.py: a claim lists, per article, the sentences
# (exact substrings) that state it. Score with
#   crossread export --format json > demo.json   (no PATH: the demo)
#   python3 ../shared/eval/xref_eval.py tests/data/demo_gold.py demo.json
H, M, C, N, L, V, F = ("01_harbour_herald.txt", "02_meridian_wire.txt", "03_continental_post.txt",
                       "04_nordavia_today.txt", "05_daily_ledger.txt", "06_kestrel_voice.txt",
                       "07_finance_brief.txt")
CLAIMS = {
 "toll": {
  H: ["Five workers were killed and 50 others injured when an explosion tore through the Hallström Chemicals plant"],
  M: ["An explosion at a chemical plant in the Nordavian port city of Kestrel Bay killed five people and injured 50 on Monday"],
  C: ["An explosion at a chemical plant in the Nordavian port city of Kestrel Bay killed five people and injured 50 on Monday"],
  N: ["explosion at the Hallström Chemicals plant on Sunday evening killed five employees"],
  L: ["Seven workers have been killed in a huge explosion at a chemical plant in Nordavia, according to reports."],
  V: ["Five people died."],
  F: ["the day after an explosion at its Kestrel Bay plant killed five workers"],
 },
 "injured": {
  H: ["Five workers were killed and 50 others injured when an explosion tore through the Hallström Chemicals plant"],
  M: ["An explosion at a chemical plant in the Nordavian port city of Kestrel Bay killed five people and injured 50 on Monday"],
  C: ["An explosion at a chemical plant in the Nordavian port city of Kestrel Bay killed five people and injured 50 on Monday"],
  N: ["Fifty-one people were injured, according to the regional health authority, eleven of them seriously."],
  L: ["Fifty people were injured and some 2,000 residents were forced to flee their homes"],
  V: ["Fifty were hurt."],
 },
 "evacuated": {
  H: ["About 2,300 residents of the Old Quay district were evacuated overnight"],
  M: ["Around 2,300 people living near the plant were evacuated overnight as a precaution."],
  C: ["Around 2,300 people living near the plant were evacuated overnight as a precaution."],
  N: ["About 2,300 inhabitants of the Old Quay district spent the night in schools and sports halls."],
  L: ["some 2,000 residents were forced to flee their homes"],
  V: ["Around 2,300 of us from the Old Quay spent the night in the Nordstrand school gym."],
 },
 "valve_likely": {
  H: ["Interior Minister Jiří Novák said on Tuesday that it was “very likely” that a faulty pressure valve had caused the explosion."],
  M: ["the interior minister said a faulty valve was the most likely cause"],
  C: ["the interior minister said a faulty valve was the most likely cause"],
  N: ["Interior Minister Jiří Novák said on Tuesday that a technical failure was “very likely” behind the disaster."],
  L: ["Interior Minister Jiri Novak said it was 'highly likely' that a faulty pressure valve caused the explosion."],
  V: ["The interior minister, Jiří Novák, says it is \"very likely\" that a pressure valve failed."],
 },
 "valve_quote": {
  H: ["“We consider it very likely that the failure of a pressure valve in the storage section started this disaster, but the investigation must establish the facts,” Novák told reporters at the scene."],
  M: ["\"We consider it highly likely that the failure of a pressure valve started this disaster,\" Interior Minister Jiri Novak told reporters on Tuesday."],
  C: ["\"It is highly likely that a pressure valve failed.", "That is what started this disaster,\" Interior Minister Jiri Novak told reporters on Tuesday."],
  N: ["“We assess it as very likely that a pressure valve failed in the storage section, but we will wait for the experts,” the minister said at a press conference in the town hall."],
 },
 "fire_14h": {
  H: ["Firefighters battled the flames for 14 hours before declaring the fire under control at 8 a.m. on Tuesday."],
  M: ["Firefighters brought the fire under control after 14 hours."],
  C: ["Firefighters brought the fire under control after 14 hours."],
  N: ["The fire was declared under control on Tuesday morning, 14 hours after the explosion."],
  L: ["Firefighters took 14 hours to bring the inferno under control."],
  V: ["The fire burned through the night and was only put out on Tuesday morning, 14 hours later."],
 },
 "blast_ammonia_section": {
  H: ["The blast, which happened shortly after 6 p.m. in the plant’s ammonia storage section"],
  M: ["The blast hit the ammonia storage section of the Hallström Chemicals plant at about 6 p.m. (1700 GMT), officials said."],
  C: ["The blast hit the ammonia storage section of the Hallström Chemicals plant at about 6 p.m., officials said."],
 },
 "mourning": {
  H: ["Mayor Zoë Kovačić declared three days of mourning and said flags on all municipal buildings would fly at half-mast until Thursday."],
  M: ["Mayor Zoe Kovacic declared three days of mourning."],
  C: ["Mayor Zoe Kovacic declared three days of mourning."],
  N: ["Mayor Zoë Kovačić announced three days of mourning."],
  L: ["Kestrel Bay mayor Zoe Kovacic declared three days of mourning."],
  V: ["Mayor Zoë Kovačić has declared three days of mourning."],
 },
 "fund": {
  H: ["said the company would set up a €92 million compensation fund"],
  M: ["said it would set up a compensation fund of 92 million euros for victims and their families."],
  C: ["Hallström Chemicals said it would set up a compensation fund of 92 million euros for victims and their families."],
  N: ["The management of Hallström Chemicals announced a compensation fund of €95 million."],
  L: ["The company has promised a £80 million fund for the families of the victims."],
  V: ["The company has put €92 million into a fund for the families."],
  F: ["The company said it would create a €92 million compensation fund for victims and their families."],
 },
 "union_warning": {
  H: ["Tomasz Wierzbicki, a representative of the plant’s workers’ union, said employees had reported a leaking valve in the same section two weeks before the explosion."],
  L: ["Workers said they had warned bosses about the valve weeks before the disaster, the Ledger understands."],
  V: ["The workers' union says it reported a leaking valve two weeks before the blast."],
 },
 "prosecutor": {
  H: ["The regional prosecutor, Dr. Ilse Brandt, has opened an investigation for negligent homicide."],
  M: ["The regional prosecutor has opened an investigation for negligent homicide, a spokesman for the prosecutor's office said."],
  C: ["The regional prosecutor has opened an investigation for negligent homicide."],
  N: ["The public prosecutor’s office has opened an investigation for negligent homicide, led by prosecutor Ilse Brandt."],
  V: ["The prosecutor has opened an investigation for negligent homicide."],
 },
 "unep": {
  H: ["Investigators from the U.N. Environment Programme have offered to help assess the pollution of the bay."],
  M: ["The U.N. Environment Programme offered to send experts."],
  N: ["The U.N. Environment Programme has offered to send a team of experts to measure pollution in the bay."],
 },
 "fined_2022": {
  H: ["The plant, which employs 640 people, was fined €1.2 million in 2022 for breaches of safety rules at the same storage section."],
  M: ["The plant was fined 1.2 million euros in 2022 for breaches of safety rules, according to court records seen by Meridian."],
  N: ["Several councillors have asked whether the ammonia tanks should have been moved after the plant was fined €1.2 million in 2022."],
  L: ["The firm was fined in 2022 for breaching safety rules at the same site."],
  F: ["Hallström was fined €1.2 million in 2022 for safety breaches at the same plant."],
 },
 "employs_640": {
  H: ["The plant, which employs 640 people, was fined €1.2 million in 2022 for breaches of safety rules at the same storage section."],
  M: ["Hallström Chemicals employs 640 people at the site, making it one of the city's largest employers."],
  C: ["Hallström employs 640 people at the site."],
  V: ["Hallström employs 640 people here."],
  F: ["The plant employs 640 people."],
 },
 "port_180k": {
  H: ["Kestrel Bay, a port of about 180,000 people, has grown around its chemical industry since the 1960s."],
  M: ["Kestrel Bay, a port of about 180,000 people on Nordavia's west coast, has grown around its chemical industry since the 1960s."],
  C: ["Kestrel Bay, a port of about 180,000 people on Nordavia's west coast, has grown around its chemical industry since the 1960s."],
 },
 "shares_fell": {
  M: ["Its shares fell 11.4% to 284.46 crowns in early trading on Tuesday."],
  C: ["Its shares fell 11.4% on Tuesday."],
  F: ["Shares in Hallström Chemicals fell 11.4% to 284.46 crowns on Tuesday"],
 },
 "deadliest": {
  M: ["The explosion is the deadliest industrial accident in Nordavia since a mine collapse in 2011 killed 12 miners."],
  C: ["The explosion is the deadliest industrial accident in Nordavia since a mine collapse in 2011 killed 12 miners."],
  L: ["It is the worst industrial accident in the country for more than a decade."],
 },
 "seals": {
  M: ["Environmental groups said they were worried about ammonia leaking into the bay, a breeding ground for seals."],
  C: ["Environmental groups said they were worried about ammonia leaking into the bay -- a breeding ground for seals."],
 },
 "ceo_cooperating": {
  M: ["The company's chief executive, Henrik Aberg, said the firm was cooperating fully with the authorities."],
  C: ["The company's chief executive, Henrik Aberg, said the firm was cooperating fully with the authorities."],
 },
 "thoughts_families": {
  M: ["\"Our thoughts are with the families,\" he said in a statement."],
  C: ["\"Our thoughts are with the families and with everyone in Kestrel Bay,\" he said in a statement on Tuesday."],
 },
 "nothing_bring_back": {
  H: ["“Nothing we do will bring them back,” Åberg said."],
  L: ["Hallström boss Henrik Åberg, 58, said: 'Nothing we do will bring them back.'"],
 },
 "investigators_weeks": {
  M: ["He said investigators would need several weeks to establish the facts."],
  C: ["Investigators would need \"several weeks\" to establish the facts, he said."],
 },
 "tanks_moved": {
  N: ["“We asked for years to move the ammonia tanks away from the houses,” said Ágnes Szabó"],
  V: ["we want the tanks moved away from the houses, as residents have asked for years."],
 },
 "nobody_detained": {
  M: ["Nobody has been detained."],
  C: ["Nobody has been detained, a spokesman said."],
 },
 "returned_home": {
  N: ["They were allowed to return home on Tuesday afternoon."],
  V: ["On Tuesday afternoon the police let us back into our homes."],
 },
}
RELATED_CLAIMS = [
 ("toll", "injured"), ("toll", "deadliest"), ("toll", "blast_ammonia_section"), ("toll", "evacuated"),
 ("injured", "evacuated"), ("valve_likely", "valve_quote"), ("valve_likely", "union_warning"),
 ("valve_quote", "union_warning"), ("fire_14h", "blast_ammonia_section"), ("fined_2022", "employs_640"),
 ("ceo_cooperating", "thoughts_families"), ("prosecutor", "nobody_detained"),
 ("evacuated", "returned_home"), ("tanks_moved", "evacuated"), ("fund", "nothing_bring_back"),
 ("fund", "shares_fell"), ("toll", "shares_fell"),
]
RELATED_SENTENCES = {
 "blast_ammonia_section": [(L, "Local TV showed pictures of shattered windows across the Old Quay area."),
                           (L, "The blast at the Hallström Chemicals factory in Kestrel Bay sent a fireball into the sky on Monday night.")],
 "toll": [(L, "The blast at the Hallström Chemicals factory in Kestrel Bay sent a fireball into the sky on Monday night."),
          (N, "“Our city has lost five of its sons and daughters,” she said, her voice breaking.")],
 "fund": [(F, "Chief executive Henrik Åberg said the company was insured against damage to the site, but not against the full cost of compensation.")],
 "tanks_moved": [(N, "Residents of the Old Quay district have long complained about the smell from the plant.")],
 "fined_2022": [(F, "\"Investors remember the 2022 fine.\"")],
 "unep": [(V, "The smell of ammonia was still there, and nobody could tell us whether the water in the bay is safe for the children who swim off the quay every summer.")],
}
TITLES = {
 H: "Five dead, dozens hurt as blast rips through Kestrel Bay chemical plant – The Harbour Herald",
 M: "Blast at Nordavian chemical plant kills five, minister points to faulty valve",
 C: "Five killed in Nordavia chemical plant explosion – The Continental Post",
 N: "Kestrel Bay mourns victims of Hallström explosion",
 L: "SEVEN dead in chemical plant inferno as minister blames 'ticking time bomb' valve",
 V: "What the Hallström blast means for Kestrel Bay",
 F: "Hallström shares slide after deadly Kestrel Bay blast",
}

# The saved web page and the news-please record, added with the HTML and JSON
# demo articles and written the same way (sentences as crossread extracts them).
P, W = "08_portside_gazette.html", "09_westcoast_courier.json"
for _claim, _file, _sentence in [
    ("union_warning", P, "Workers at the Hallström Chemicals plant in Kestrel Bay had warned managers about a leaking pressure valve weeks before Monday's explosion, three employees told the Portside Gazette."),
    ("toll", P, "The blast killed five workers and injured 50 people, the regional authorities said."),
    ("injured", P, "The blast killed five workers and injured 50 people, the regional authorities said."),
    ("blast_ammonia_section", P, "It tore through the ammonia storage section of the plant shortly after 6 p.m. on Monday."),
    ("valve_likely", P, "Interior Minister Jiří Novák said on Tuesday that a faulty pressure valve was very likely to have caused the explosion."),
    ("investigators_weeks", P, "He said investigators would need several weeks to establish the facts."),
    ("evacuated", P, "About 2,300 people living near the plant were evacuated overnight, and most were allowed to return home on Tuesday afternoon."),
    ("returned_home", P, "About 2,300 people living near the plant were evacuated overnight, and most were allowed to return home on Tuesday afternoon."),
    ("ceo_cooperating", P, "Its chief executive, Henrik Åberg, said in a statement on Tuesday that the firm was cooperating fully with the investigation."),
    ("fund", P, "Hallström Chemicals has said it will set up a compensation fund of €92 million for the victims and their families."),
    ("prosecutor", P, "The regional prosecutor has opened an investigation for negligent homicide."),
    ("mourning", P, "Mayor Zoë Kovačić declared three days of mourning in the city, where flags flew at half-mast on Tuesday."),
    ("returned_home", W, "Residents of Kestrel Bay's Old Quay district began returning to their homes on Tuesday, a day after an explosion at the Hallström Chemicals plant killed five workers."),
    ("toll", W, "Residents of Kestrel Bay's Old Quay district began returning to their homes on Tuesday, a day after an explosion at the Hallström Chemicals plant killed five workers."),
    ("evacuated", W, "Around 2,300 people had been evacuated overnight as a precaution and spent the night in schools and sports halls."),
    ("injured", W, "Fifty people were injured in the blast, eleven of them seriously, according to the regional health authority."),
    ("fire_14h", W, "Firefighters brought the fire under control after 14 hours, the fire service said."),
    ("valve_likely", W, "Interior Minister Jiří Novák said on Tuesday that it was highly likely that a faulty pressure valve had caused the explosion."),
    ("seals", W, "Environmental groups said they were worried about ammonia leaking into the bay, a breeding ground for seals."),
    ("mourning", W, "Mayor Zoë Kovačić declared three days of mourning."),
]:
    CLAIMS[_claim].setdefault(_file, []).append(_sentence)
RELATED_SENTENCES["union_warning"] = RELATED_SENTENCES.get("union_warning", []) + [
    (P, "“We reported the valve twice in February, and we were told it would be replaced at the next shutdown,” said one technician, who asked not to be named because he feared losing his job.")]
TITLES[P] = "Kestrel Bay blast: workers say they warned of valve fault"
TITLES[W] = "Kestrel Bay residents return home as cleanup begins"

# Where the demo's outlets disagree (written into the articles on purpose;
# the same rules as ../shared/eval/ANNOTATION.md). The pound figure beside the
# euro fund is a conversion, not a disagreement; spellings without diacritics
# ("Jiri Novak") are a keyboard's, not an outlet's.
DISAGREEMENTS = [
    {"about": "the death toll", "kind": "number", "values": [
        (H, "Five workers were killed and 50 others injured", "5"),
        (M, "killed five people and injured 50 on Monday", "5"),
        (C, "killed five people and injured 50 on Monday", "5"),
        (N, "on Sunday evening killed five employees", "5"),
        (L, "Seven workers have been killed in a huge explosion", "7"),
        (P, "The blast killed five workers and injured 50 people", "5"),
        # The headlines state the toll too.
        (H, "Five dead, dozens hurt as blast rips through Kestrel Bay chemical plant", "5"),
        (M, "Blast at Nordavian chemical plant kills five", "5"),
        (C, "Five killed in Nordavia chemical plant explosion", "5"),
        (L, "SEVEN dead in chemical plant inferno", "7"),
    ]},
    {"about": "the number injured", "kind": "number", "values": [
        (H, "Five workers were killed and 50 others injured", "50"),
        (N, "Fifty-one people were injured, according to the regional health authority", "51"),
        (P, "The blast killed five workers and injured 50 people", "50"),
        (W, "Fifty people were injured in the blast, eleven of them seriously", "50"),
    ]},
    {"about": "the compensation fund", "kind": "number", "values": [
        (H, "would set up a €92 million compensation fund", "92 million"),
        (M, "set up a compensation fund of 92 million euros", "92 million"),
        (N, "announced a compensation fund of €95 million", "95 million"),
        (F, "would create a €92 million compensation fund", "92 million"),
        (P, "set up a compensation fund of €92 million", "92 million"),
    ]},
    {"about": "the day of the blast", "kind": "date", "values": [
        (H, "in the port of Kestrel Bay on Monday evening", "Monday"),
        (M, "killed five people and injured 50 on Monday", "Monday"),
        (N, "on Sunday evening killed five employees", "Sunday"),
    ]},
    {"about": "how likely the minister called the valve", "kind": "qualifier", "values": [
        (H, "said on Tuesday that it was “very likely” that a faulty pressure valve", "very likely"),
        (N, "a technical failure was “very likely” behind the disaster", "very likely"),
        (L, "said it was 'highly likely' that a faulty pressure valve caused the explosion", "highly likely"),
        (V, "says it is \"very likely\" that a pressure valve failed", "very likely"),
        (W, "said on Tuesday that it was highly likely that a faulty pressure valve", "highly likely"),
    ]},
    {"about": "how many were evacuated", "kind": "number", "values": [
        (H, "About 2,300 residents of the Old Quay district were evacuated overnight", "2,300"),
        (M, "Around 2,300 people living near the plant were evacuated overnight", "2,300"),
        (L, "some 2,000 residents were forced to flee their homes", "2,000"),
    ]},
    {"about": "the minister's quote", "kind": "qualifier", "values": [
        (H, "“We consider it very likely that the failure of a pressure valve", "very likely"),
        (M, "\"We consider it highly likely that the failure of a pressure valve", "highly likely"),
        (C, "\"It is highly likely that a pressure valve failed.", "highly likely"),
        (N, "“We assess it as very likely that a pressure valve failed", "very likely"),
    ]},
]
