//! End-to-end tests of the command line's reports: claims, `explain`,
//! stories, differences and the key bindings.

mod cli_support;

use cli_support::*;

#[test]
fn claims_and_single_source_claims_of_the_demo() {
    let out = crossread(&["claims"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("#1 reported by"), "{text}");
    assert!(
        text.contains("(number): "),
        "the demo disagrees on numbers:\n{text}"
    );
    assert!(
        text.contains("(qualifier): "),
        "the demo quotes a hedge two ways:\n{text}"
    );
    assert!(
        text.contains("   all give the figure €1.2 million\n"),
        "the fine is a shared figure:\n{text}"
    );
    let single = stdout(&crossread(&["claims", "--single-source", "--json"]));
    let single: serde_json::Value = serde_json::from_str(&single).unwrap();
    let texts: Vec<&str> = single["single_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Nordbank estimated the total cost")),
        "{texts:?}"
    );
}

#[test]
fn explain_tells_why_and_rejects_bad_ids() {
    let out = crossread(&["explain", "0", "999999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no passage 999999"));
    let model = json(&crossread(&["export"]));
    let link = &model["links"][0];
    let (a, b) = (link["a"].to_string(), link["b"].to_string());
    let text = stdout(&crossread(&["explain", &a, &b]));
    assert!(text.contains("LINKED"), "{text}");
    assert!(text.contains("shared terms"), "{text}");
}

/// `explain` of two passages of two articles (the passages beginning `a`
/// and `b`), and whether any claim of the export holds both.
fn explain_pair(articles: [&str; 2], a: &str, b: &str) -> (String, bool) {
    let tmp = tempfile::tempdir().unwrap();
    for (i, text) in articles.iter().enumerate() {
        write(tmp.path(), &format!("{i}.txt"), text.as_bytes());
    }
    let dir = tmp.path().to_str().unwrap();
    let export = json(&crossread(&["export", dir]));
    let id = |start: &str| {
        export["passages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no passage {start}"))["id"]
            .to_string()
    };
    let (a, b) = (id(a), id(b));
    let text = stdout(&crossread(&["explain", &a, &b, dir]));
    let joined = export["claims"].as_array().unwrap().iter().any(|c| {
        let members: Vec<String> = c["passages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.to_string())
            .collect();
        members.contains(&a) && members.contains(&b)
    });
    (text, joined)
}

/// Two quotations sharing one word ("cockpit") that is not all either
/// states are not one claim, however alike the rest reads, and `explain`
/// says so with the share compared.
#[test]
fn explain_names_the_rule_against_one_shared_word() {
    let (text, joined) = explain_pair(
        [
            "Bird delays flight\n\nA small bird delayed a Delta flight at the airport on Sunday. \"There's a bird in the cockpit.\" The airline apologised to the passengers.\n",
            "Flight held at the gate\n\nA Delta flight was held at the gate on Sunday after a bird got on board. A worker came out of the cockpit. The passengers applauded.\n",
        ],
        "\"There's a bird",
        "A worker came",
    );
    assert!(
        text.contains("not linked: 1 content word in common")
            && text.contains(" < 0.99 of its weighted content"),
        "{text}"
    );
    assert!(text.contains("cockpit"), "{text}");
    assert!(!joined, "{text}");
}

/// Two short quotations sharing only function words ("I was") are not one
/// claim, and `explain` gives the rule that decided, with its values.
#[test]
fn explain_names_the_rule_against_function_words_alone() {
    let (text, joined) = explain_pair(
        [
            "Director admits crash regret\n\nThe director said on Saturday that he regretted the car stunt on the film set. He had tested the road once. \"I was wrong.\" The studio declined to comment.\n",
            "Actress recalls film set crash\n\nThe actress described the car stunt on the film set in an interview on Saturday. She had asked for a stunt driver. \"But I was scared.\" Her lawyer declined to comment.\n",
        ],
        "\"I was wrong",
        "\"But I was scared",
    );
    assert!(
        text.contains("not linked: 0 shared content terms < 1"),
        "{text}"
    );
    assert!(!joined, "{text}");
}
/// Two events in one folder: `stories` lists them, links never cross
/// them, `--story` narrows `sources` and `claims`, and a story that does
/// not exist is an error naming how many there are.
#[test]
fn a_folder_of_two_events_forms_two_stories() {
    let tmp = tempfile::tempdir().unwrap();
    let zoo = [
        "Zoo gorilla shot\n\nA gorilla named Harambe was shot dead at the Cincinnati Zoo on Saturday after a boy fell into its enclosure. Zoo director Thane Maynard said the boy was safe. The gorilla dragged the boy through the moat for ten minutes.\n",
        "Boy falls into gorilla enclosure\n\nCincinnati Zoo staff shot Harambe, a western lowland gorilla, on Saturday when a four-year-old boy climbed into the enclosure. Director Thane Maynard said the boy was safe. The gorilla dragged the boy through the moat.\n",
    ];
    let bid = [
        "Broadcom raises Qualcomm bid\n\nBroadcom raised its offer for Qualcomm to $121 billion on Monday, calling it best and final. The chipmaker offered $82 a share in cash and stock. Qualcomm said its board would review the proposal.\n",
        "Qualcomm weighs new offer\n\nQualcomm's board will review the raised Broadcom bid of $82 a share, worth $121 billion, the chipmaker said on Monday. Broadcom called the offer best and final. Shares of Qualcomm fell.\n",
    ];
    for (i, text) in zoo.iter().chain(&bid).enumerate() {
        write(tmp.path(), &format!("{i}.txt"), text.as_bytes());
    }
    let dir = tmp.path().to_str().unwrap();
    let export = json(&crossread(&["export", dir]));
    let stories = export["stories"].as_array().unwrap();
    let mut groups: Vec<Vec<u64>> = stories
        .iter()
        .map(|s| {
            s["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().unwrap())
                .collect()
        })
        .collect();
    groups.sort();
    assert_eq!(groups, vec![vec![0, 1], vec![2, 3]], "{stories:?}");
    let source_of: Vec<u64> = export["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["source"].as_u64().unwrap())
        .collect();
    let links = export["links"].as_array().unwrap();
    assert!(!links.is_empty());
    for l in links {
        let (a, b) = (
            source_of[l["a"].as_u64().unwrap() as usize],
            source_of[l["b"].as_u64().unwrap() as usize],
        );
        assert_eq!(a / 2, b / 2, "a link across stories: {l:?}");
    }
    for c in export["claims"].as_array().unwrap() {
        let story = c["story"].as_u64().unwrap() as usize;
        let members: Vec<u64> = stories[story]["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        for s in c["sources"].as_array().unwrap() {
            assert!(members.contains(&s.as_u64().unwrap()), "{c:?}");
        }
    }
    let listed = stdout(&crossread(&["stories", dir]));
    assert_eq!(listed.matches("story ").count(), 2, "{listed}");
    let zoo_story = stories
        .iter()
        .position(|s| s["sources"][0] == 0)
        .unwrap()
        .to_string();
    let sources = stdout(&crossread(&["sources", "--story", &zoo_story, dir]));
    assert_eq!(
        sources.lines().count(),
        3,
        "header and two articles: {sources}"
    );
    let claims = stdout(&crossread(&["claims", "--story", &zoo_story, dir]));
    assert!(
        claims.contains("Harambe") || claims.contains("gorilla"),
        "{claims}"
    );
    assert!(!claims.contains("Qualcomm"), "{claims}");
    let missing = crossread(&["claims", "--story", "7", dir]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no story 7"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn differences_of_the_demo_most_important_first() {
    let out = crossread(&["differences"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let first = text.lines().next().unwrap_or_default();
    // The demo's outlets disagree on the toll: counts come first.
    assert!(
        first.starts_with("≠ ") && first.contains("(number)"),
        "{text}"
    );
    assert!(text.contains("(qualifier)"), "{text}");
    let kinds: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("≠ "))
        .filter_map(|l| l.split(" (").nth(1)?.split(')').next())
        .collect();
    let rank = |k: &str| {
        ["number", "date", "name", "qualifier"]
            .iter()
            .position(|x| *x == k)
    };
    // Numbers before wording (dates may be typed as numbers' neighbours).
    let last_number = kinds.iter().rposition(|k| *k == "number");
    let first_qualifier = kinds.iter().position(|k| *k == "qualifier");
    assert!(last_number < first_qualifier, "{kinds:?}");
    assert!(kinds.iter().all(|k| rank(k).is_some()), "{kinds:?}");

    // JSON: every value's spans are byte ranges of its passage's text.
    let json = crossread(&["differences", "--json"]);
    assert!(json.status.success());
    let rows: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let export = crossread(&["export", "--format", "json"]);
    let corpus: serde_json::Value = serde_json::from_str(&stdout(&export)).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        for v in row["values"].as_array().unwrap() {
            let passage = v["passage"].as_u64().unwrap() as usize;
            let text = corpus["passages"][passage]["text"].as_str().unwrap();
            for s in v["spans"].as_array().unwrap() {
                let (a, b) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                let shown = text
                    .get(a..b)
                    .unwrap_or_else(|| panic!("{s} not in {text}"));
                assert!(v["text"].as_str().unwrap().contains(shown), "{v}");
                assert!(s["type"].is_string(), "{s}");
            }
        }
    }
}

#[test]
fn keys_lists_the_bindings_and_a_config_changes_them() {
    let out = crossread(&["keys"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("next_version") && l.contains(" n ")),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "[keys]\nnext_version = [\"n\", \"Ctrl-j\"]\n").unwrap();
    let out = crossread(&["keys", "--config", path.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("next_version") && l.contains("n Ctrl-j")),
        "{text}"
    );
    // A broken file: the defaults, the file and line named, status 2.
    std::fs::write(&path, "[keys]\n\nnext_version = 3\n").unwrap();
    let out = crossread(&["keys", "--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("c.toml:3"), "{err}");
    assert!(err.contains("using the defaults"), "{err}");
}
