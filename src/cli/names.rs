//! How the command line names a source: by its outlet, and by its number
//! too (as `crossread sources` lists it) when another source has that
//! outlet: "Nebi Saleh (dailymail.co.uk #0) / Nabi Saleh (dailymail.co.uk
//! #1)" says two pages disagree, where the outlet alone said one page
//! disagreed with itself.

use crate::model::{Corpus, SourceId};
use crate::text::visible;

pub(super) struct SourceNames(Vec<String>);

impl SourceNames {
    pub(super) fn new(corpus: &Corpus) -> SourceNames {
        // Article-derived text: printed, it must not act on the terminal.
        let outlets: Vec<String> = corpus
            .sources
            .iter()
            .map(|s| visible(s.outlet_name()).into_owned())
            .collect();
        let mut count: crate::text::fasthash::FastMap<&str, usize> = Default::default();
        for o in &outlets {
            *count.entry(o.as_str()).or_default() += 1;
        }
        let names = outlets
            .iter()
            .enumerate()
            .map(|(id, o)| match count.get(o.as_str()) {
                Some(&n) if n > 1 => format!("{o} #{id}"),
                _ => o.clone(),
            })
            .collect();
        SourceNames(names)
    }

    pub(super) fn of(&self, source: SourceId) -> &str {
        self.0.get(source).map_or("?", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    #[test]
    fn an_outlet_of_several_sources_is_numbered() {
        let mut corpus = Corpus::default();
        for (id, outlet) in ["dailymail.co.uk", "nytimes.com", "dailymail.co.uk"]
            .into_iter()
            .enumerate()
        {
            corpus.sources.push(Source {
                id,
                path: format!("{id}.txt"),
                title: None,
                outlet: Some(outlet.to_owned()),
                byline: None,
                date: None,
                url: None,
                warnings: Vec::new(),
                text_origin: Default::default(),
                encoding: None,
                text: None,
                passage_ids: 0..0,
            });
        }
        let names = SourceNames::new(&corpus);
        assert_eq!(names.of(0), "dailymail.co.uk #0");
        assert_eq!(names.of(1), "nytimes.com");
        assert_eq!(names.of(2), "dailymail.co.uk #2");
    }
}
