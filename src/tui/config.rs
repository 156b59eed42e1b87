//! The reader's configuration file: key bindings (the keymap table is the
//! default and what the file overrides), colours and a light theme, pane
//! widths. Read from `--config FILE`, else
//! `$XDG_CONFIG_HOME/crossread/config.toml` (`~/.config/…` without it).
//! A file that is wrong in any way is reported with its line, and the
//! defaults are used: a half-applied config surprises more than none.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::keymap::{Key, Keymap};
use super::layout::Widths;
use super::view::theme::Palette;

/// Everything the file sets, with the defaults for the rest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub keymap: Keymap,
    pub palette: Palette,
    pub widths: Widths,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<Keys>>,
    #[serde(default)]
    colors: BTreeMap<String, Spanned<String>>,
    layout: Option<LayoutFile>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayoutFile {
    sources_width: Option<Spanned<u16>>,
    claims_width: Option<Spanned<u16>>,
}

/// Where the config file is looked for when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("crossread").join("config.toml"))
}

/// Reads the config: `Ok(None)` when there is no file at the default
/// place; an error names the file, the line and what is wrong.
pub fn load(explicit: Option<&Path>) -> Result<Option<Config>, String> {
    let (path, must_exist) = match explicit {
        Some(p) => (p.to_path_buf(), true),
        None => match default_path() {
            Some(p) => (p, false),
            None => return Ok(None),
        },
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => return Ok(None),
        Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
    };
    parse(&text).map(Some).map_err(|(line, what)| match line {
        Some(l) => format!("{}:{l}: {what}", path.display()),
        None => format!("{}: {what}", path.display()),
    })
}

/// The line (from 1) of a byte offset.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// Parses a config file's text; an error gives the line when known.
pub fn parse(text: &str) -> Result<Config, (Option<usize>, String)> {
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        (line, e.message().trim().to_owned())
    })?;
    let at = |span: std::ops::Range<usize>| Some(line_of(text, span.start));
    let mut palette = match file.theme.as_ref().map(|t| t.get_ref().as_str()) {
        None | Some("dark") => Palette::dark(),
        Some("light") => Palette::light(),
        Some(other) => {
            let span = file.theme.as_ref().map_or(0..0, Spanned::span);
            return Err((
                at(span),
                format!("theme {other:?}: the themes are \"dark\" and \"light\""),
            ));
        }
    };
    for (name, value) in &file.colors {
        palette
            .set(name, value.get_ref())
            .map_err(|what| (at(value.span()), what))?;
    }
    let mut overrides = Vec::new();
    for (name, keys) in &file.keys {
        let labels = match keys.get_ref() {
            Keys::One(k) => vec![k.clone()],
            Keys::Many(ks) => ks.clone(),
        };
        let parsed = labels
            .iter()
            .map(|l| Key::parse(l))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|what| (at(keys.span()), format!("{name}: {what}")))?;
        overrides.push((name.clone(), parsed, keys.span()));
    }
    let keymap = Keymap::with(
        &overrides
            .iter()
            .map(|(n, k, _)| (n.clone(), k.clone()))
            .collect::<Vec<_>>(),
    )
    .map_err(|what| {
        // The line of the first binding the message names.
        let line = overrides
            .iter()
            .find(|(n, _, _)| what.contains(n.as_str()))
            .and_then(|(_, _, span)| at(span.clone()));
        (line, what)
    })?;
    let mut widths = Widths::default();
    if let Some(layout) = &file.layout {
        for (value, slot, name) in [
            (&layout.sources_width, &mut widths.sources, "sources_width"),
            (&layout.claims_width, &mut widths.claims, "claims_width"),
        ] {
            if let Some(v) = value {
                let w = *v.get_ref();
                if !(12..=120).contains(&w) {
                    return Err((
                        at(v.span()),
                        format!("{name} = {w}: give a number of columns from 12 to 120"),
                    ));
                }
                *slot = Some(w);
            }
        }
    }
    Ok(Config {
        keymap,
        palette,
        widths,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_sets_keys_colours_and_widths() {
        let c = parse(
            "theme = \"light\"\n\
             [keys]\n\
             filter = \"f\"\n\
             down = [\"j\", \"Ctrl-e\"]\n\
             [colors]\n\
             current = \"#ffee88\"\n\
             [layout]\n\
             sources_width = 40\n",
        )
        .unwrap();
        assert_eq!(c.widths.sources, Some(40));
        assert_eq!(
            c.palette.current,
            ratatui::style::Color::Rgb(0xff, 0xee, 0x88)
        );
        assert_ne!(c.palette, Palette::dark());
        assert_ne!(c.keymap, Keymap::default());
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn errors_name_the_line_and_what_is_wrong() {
        let err = |text: &str| parse(text).unwrap_err();
        assert_eq!(
            err("theme = \"dark\"\n[keys]\nfilter = \"ff\"\n").0,
            Some(3)
        );
        let (line, what) = err("\n\n[keys]\ndwon = \"x\"\n");
        assert_eq!(line, Some(4));
        assert!(what.contains("dwon"), "{what}");
        let (line, what) = err("theme = \"sepia\"\n");
        assert_eq!(line, Some(1));
        assert!(what.contains("light"), "{what}");
        let (line, what) = err("[colors]\ncurrent = \"#ffee8\"\n");
        assert_eq!(line, Some(2));
        assert!(what.contains("#ffee8"), "{what}");
        let (line, what) = err("[layout]\nsources_width = 400\n");
        assert_eq!(line, Some(2));
        assert!(what.contains("12 to 120"), "{what}");
        let (line, _) = err("[keys\n");
        assert_eq!(line, Some(1));
        let (line, what) = err("colour = 1\n");
        assert_eq!(line, Some(1));
        assert!(what.contains("colour"), "{what}");
        let (line, what) = err("[keys]\nquit = \"j\"\n");
        assert_eq!(line, Some(2));
        assert!(what.contains("bound to both"), "{what}");
    }
}
