//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare several articles about the same event: which claims several
/// outlets corroborate, which only one makes, and where they differ.
#[derive(Debug, Parser)]
#[command(name = "crossread", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(flatten)]
    pub input: InputArgs,

    /// Do not capture the mouse in the reader.
    #[arg(long, global = true)]
    pub no_mouse: bool,

    /// The reader's config file (keys, colours, pane widths) instead of
    /// $XDG_CONFIG_HOME/crossread/config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where the articles come from.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Article files or folders (read recursively: .txt .md .text, web pages
    /// .html .htm .mhtml .mht, news-please / trafilatura .json .jsonl, feeds
    /// .xml .rss .atom). Without PATH, the demo corpus built into crossread.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Skip files larger than this many bytes (suffixes K, M, G allowed).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size, global = true)]
    pub max_file_size: u64,

    /// Stop reading once all files together exceed this many bytes.
    #[arg(long, value_name = "SIZE", default_value = "2G", value_parser = parse_size, global = true)]
    pub max_total_size: u64,

    /// Read every file in this format instead of detecting it from its
    /// content and name.
    #[arg(long, value_enum, value_name = "FORMAT", global = true)]
    pub input_format: Option<crate::load::InputFormat>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the whole model (sources, passages, claims, links) as JSON.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        #[command(flatten)]
        input: InputArgs,
    },
    /// List the articles: outlet, date, title, passages.
    Sources {
        /// Only the articles of this story (see `crossread stories`).
        #[arg(long, value_name = "N")]
        story: Option<usize>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// List the stories (events) the articles report, with their articles.
    Stories {
        #[command(flatten)]
        input: InputArgs,
    },
    /// List the claims, most corroborated first, with their differences.
    Claims {
        /// Only what a single outlet reports.
        #[arg(long)]
        single_source: bool,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Only the claims of this story (see `crossread stories`).
        #[arg(long, value_name = "N")]
        story: Option<usize>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// List where the outlets disagree (numbers, dates, names, wording),
    /// most important first, with who says what.
    Differences {
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Only the differences of this story (see `crossread stories`).
        #[arg(long, value_name = "N")]
        story: Option<usize>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// List the reader's key bindings: the name a config file uses, the
    /// keys (the config's where it sets them), what each does.
    Keys,
    /// Explain why two passages are, or are not, linked.
    Explain {
        /// Passage id (as in `crossread export`).
        a: usize,
        /// Passage id.
        b: usize,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
}

/// "64M" → 67108864.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, multiplier) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                'B' => 1,
                _ => return Err(format!("unknown size suffix '{c}' (use K, M or G)")),
            };
            (&text[..i], m)
        }
        _ => (text, 1),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a size (e.g. 512K, 64M)"))?;
    n.checked_mul(multiplier)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("'{text}' is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("12X").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
