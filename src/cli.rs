//! The command line: definitions (clap derive) and the non-interactive run.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use parallax_core::compare::Comparison;
use parallax_core::document::{self, LoadOptions};
use parallax_core::output;
use parallax_core::perf::stages;
use parallax_core::report::{self, Report};
use parallax_core::review::{self, Review};
use parallax_core::sanitize;
use parallax_core::source::{self, Source, is_stdin};
use parallax_core::theme;
use parallax_tui::{app, config};

const EXAMPLES: &str = "\
Examples:
  parallax wire.txt opinion.md           read two articles side by side
  parallax samples/*.txt samples/*.md    compare the bundled samples
  parallax --format json a.txt b.txt     print the alignment as JSON (no TUI)
  curl -s URL | parallax - saved.html    compare a page from stdin with a saved one
  parallax --format markdown -o review.md a.txt b.txt c.txt
                                         write a Markdown review to a file
  parallax --format html -o review.html a.txt b.txt
                                         write a self-contained web page";

/// Compare how several sources cover the same event, side by side.
///
/// parallax links every sentence that reports the same thing as a sentence in another
/// source, even when the sources tell the story in a different order or other words;
/// it highlights the wording that differs, flags numbers and quotations that disagree,
/// and marks what only one source carries.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Cli {
    /// The articles to compare (plain text, Markdown or saved web pages); at least two.
    /// `-` reads one of them from stdin.
    #[arg(value_name = "FILE", required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,

    /// Read the sources as this encoding (e.g. utf-8, windows-1252, latin1, utf-16le,
    /// shift_jis) instead of detecting it.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// Refuse sources larger than this (bytes; K, M and G suffixes allowed).
    #[arg(long, value_name = "N", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// What to produce: the interactive reader, or a report on stdout.
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Tui)]
    pub format: OutputFormat,

    /// Write the report to FILE instead of stdout (atomically; never over an input).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The source (1 = first) whose wording the others are compared with [default: 1].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub pivot: Option<u16>,

    /// What the sources' order says: "auto" uses it only between sources that show
    /// it; "keep" says every source tells things in the same order (versions of one
    /// text, retellings, translations) and aligns them as sequences; "free" links on
    /// shared content alone (outlets that rearrange the story).
    #[arg(long, value_enum, value_name = "HOW", default_value_t = OrderArg::Auto)]
    pub order: OrderArg,

    /// Colours of the reader and the HTML report: dark, light, high-contrast, colorblind,
    /// mono, or a theme file in the config dir.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,

    /// The view the reader opens in.
    #[arg(long, value_name = "VIEW", value_parser = ["reading", "aligned", "coverage"])]
    pub view: Option<String>,

    /// Read reader settings from FILE instead of the default config.toml
    /// (also: the PARALLAX_CONFIG environment variable).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The review file holding the editors' notes; reports include its notes.
    #[arg(long, value_name = "FILE", default_value = review::DEFAULT_FILE)]
    pub review: PathBuf,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The interactive side-by-side reader (needs a terminal).
    Tui,
    /// The alignment as JSON (the version 1 contract).
    Json,
    /// A readable review in Markdown.
    Markdown,
    /// A self-contained web page: the sources side by side, printable.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// Use order where two sources show it.
    Auto,
    /// Every source tells things in the same order.
    Keep,
    /// Link on shared content alone.
    Free,
}

impl From<OrderArg> for parallax_core::align::OrderMode {
    fn from(o: OrderArg) -> Self {
        match o {
            OrderArg::Auto => Self::Auto,
            OrderArg::Keep => Self::Keep,
            OrderArg::Free => Self::Free,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
}

/// A failure the user must fix; printed as one line, exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// `--encoding NAME`: any WHATWG label.
fn parse_encoding(name: &str) -> Result<&'static encoding_rs::Encoding, String> {
    document::decode::lookup(name)
        .ok_or_else(|| format!("unknown encoding {:?}; try utf-8, windows-1252, latin1, utf-16le, utf-16be, shift_jis, gbk", sanitize::one_line(name)))
}

/// `--max-bytes N`: bytes, or with a K/M/G suffix (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&t[..i], t[i..].trim().to_ascii_uppercase()),
        None => (t, String::new()),
    };
    let shift = match unit.trim_end_matches(['B', 'I']).trim_end_matches('I') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => {
            return Err(format!(
                "{:?} is not a size; use a number of bytes, optionally with K, M or G",
                sanitize::one_line(s)
            ));
        }
    };
    let n: u64 = digits.parse().map_err(|_| {
        format!(
            "{:?} is not a size; use a number of bytes, optionally with K, M or G",
            sanitize::one_line(s)
        )
    })?;
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{:?} is out of range", sanitize::one_line(s)))
}

impl Cli {
    /// The reader settings given on the command line (they win over the config file).
    pub fn reader_overrides(&self) -> config::Overrides {
        config::Overrides {
            theme: self.theme.clone(),
            view: self.view.as_deref().and_then(app::ViewKind::parse),
            config: self.config.clone(),
            pivot_given: self.pivot.is_some(),
        }
    }
}

/// What the binary should do after parsing.
pub enum Outcome {
    Done,
    /// Start the reader on the comparison, with this pivot and the review file (an
    /// empty review when the file does not exist yet: the first note creates it).
    Tui(Box<Comparison>, usize, Review),
}

pub fn run(cli: Cli) -> Result<Outcome, UsageError> {
    if let Some(cmd) = cli.command {
        let mut out = std::io::stdout();
        match cmd {
            Command::Completions { shell } => {
                clap_complete::generate(shell, &mut Cli::command(), "parallax", &mut out)
            }
            Command::Man => clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| UsageError(e.to_string()))?,
        }
        return Ok(Outcome::Done);
    }
    if let Some(out) = &cli.output {
        refuse_inputs(out, &cli.files)?;
        refuse_inputs(out, std::slice::from_ref(&cli.review))?;
    }
    let opts = LoadOptions {
        encoding: cli.encoding,
        max_bytes: cli.max_bytes,
    };
    stages::mark("start");
    let sources = source::load_all(&cli.files, &opts).map_err(|e| UsageError(e.0))?;
    stages::mark("load");
    let pivot = cli.pivot.map_or(0, |p| usize::from(p) - 1);
    if pivot >= sources.len() {
        return Err(UsageError(format!(
            "--pivot {}: there are only {} sources",
            pivot + 1,
            sources.len()
        )));
    }
    for s in &sources {
        for w in &s.doc.warnings {
            eprintln!("parallax: warning: {}", sanitize::one_line(w));
        }
    }
    let review = load_review(&cli.review, &sources)?;
    let comparison = Comparison::with_order(sources, cli.order.into());
    stages::mark("align");
    let report = || {
        let mut r = Report::build(&comparison, pivot);
        if let Some(review) = &review {
            r.add_notes(review);
        }
        r
    };
    let text = match cli.format {
        OutputFormat::Tui => {
            if cli.output.is_some() {
                return Err(UsageError(
                    "--output needs a report format: add --format json or --format markdown".into(),
                ));
            }
            if !std::io::stdout().is_terminal() {
                return Err(UsageError(
                    "stdout is not a terminal: the reader needs one. For a report use --format json or --format markdown".into(),
                ));
            }
            let review = match review {
                Some(r) => r,
                None => open_review(&cli.review, &comparison.sources)?,
            };
            return Ok(Outcome::Tui(Box::new(comparison), pivot, review));
        }
        OutputFormat::Json => {
            // Written as it is rendered: the text of a large report is never held whole.
            let r = report();
            stages::mark("report");
            let write = |w: &mut dyn std::io::Write| report::json::write(&r, w);
            match &cli.output {
                Some(path) => output::write_atomic_with(path, write).map_err(UsageError)?,
                None => output::print_with(write),
            }
            stages::mark("write");
            // The process ends once the report is out: freeing the report and the
            // comparison (millions of allocations on large inputs) only delays the exit.
            std::mem::forget(r);
            std::mem::forget(comparison);
            return Ok(Outcome::Done);
        }
        OutputFormat::Markdown => report::markdown::render(&report()),
        OutputFormat::Html => report::html::render(&report(), &html_palette(cli.theme.as_deref())?),
    };
    match &cli.output {
        Some(path) => output::write_atomic(path, text.as_bytes()).map_err(UsageError)?,
        None => output::print(&text),
    }
    Ok(Outcome::Done)
}

/// The HTML report's colours: the default page, or the reader theme named by `--theme`
/// (built-in, or a theme file in the config directory).
pub fn html_palette(theme: Option<&str>) -> Result<report::html::Palette, UsageError> {
    let Some(name) = theme else {
        return Ok(report::html::Palette::default());
    };
    let user = config::dir().map(|d| d.join("themes"));
    let catalog = theme::Catalog::load(user.as_deref(), theme::Depth::TrueColor);
    let theme = catalog
        .index_of(name)
        .map(|i| &catalog.themes[i])
        .ok_or_else(|| {
            UsageError(format!(
                "--theme {}: no such theme (have: {})",
                sanitize::one_line(name),
                catalog.names().join(", ")
            ))
        })?;
    Ok(report::html::Palette::from_theme(theme))
}

/// The review file with the sources opened in it, when there is one. A broken file,
/// or one from a newer parallax, stops the run (and is left as it is).
pub fn load_review(path: &Path, sources: &[Source]) -> Result<Option<Review>, UsageError> {
    let Some(review) = Review::load_existing(path).map_err(|e| UsageError(e.to_string()))? else {
        return Ok(None);
    };
    open_sources(review, sources).map(Some)
}

fn open_sources(mut review: Review, sources: &[Source]) -> Result<Review, UsageError> {
    review
        .open_sources(sources)
        .map_err(|e| UsageError(e.to_string()))?;
    Ok(review)
}

/// The review file for the reader: as [`load_review`], but a missing file gives an
/// empty review that the first note creates.
pub fn open_review(path: &Path, sources: &[Source]) -> Result<Review, UsageError> {
    let review = Review::load(path).map_err(|e| UsageError(e.to_string()))?;
    open_sources(review, sources)
}

/// Refuses an output path that is one of the inputs.
fn refuse_inputs(out: &Path, files: &[PathBuf]) -> Result<(), UsageError> {
    let Ok(target) = out.canonicalize() else {
        return Ok(());
    };
    for f in files.iter().filter(|f| !is_stdin(f)) {
        if f.canonicalize().is_ok_and(|c| c == target) {
            return Err(UsageError(format!(
                "{}: is an input file; refusing to overwrite it with the report",
                sanitize::path(out)
            )));
        }
    }
    Ok(())
}
