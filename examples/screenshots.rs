//! Renders each view of the reader on the demo corpus to SVG, with the
//! real colours: `cargo run --release --example screenshots -- screenshots/`
//! (scripts/screenshots.sh then turns them into PNG with rsvg-convert).

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crossread::tui::app::App;
use crossread::tui::script::{press, redraw};
use crossread::tui::update;

const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;
/// Default text and background of a dark terminal, and of a light one.
const DARK: (&str, &str) = ("#d4d4d4", "#1b1d21");
const LIGHT: (&str, &str) = ("#1b1d21", "#fafafa");

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "screenshots".into());
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {dir}: {e}");
        std::process::exit(2);
    }
    let views: &[(&str, &[&str])] = &[
        ("reader", &["jjjjjj"]),
        ("jump", &["jjjjjj", "n"]),
        ("filter", &["/", "valve"]),
        ("compare", &["c", "j", "Enter", "n"]),
        ("matrix", &["m", "jj"]),
        ("help", &["?"]),
        // The saved web page of the demo, open in the reader.
        ("web-page", &["Tab", "Tab", "jjjjjjj", "Enter", "jjjj"]),
        ("too-small", &[]),
        // theme = "light" in the config file, on a light terminal.
        ("light", &["jjjjjj"]),
    ];
    for (name, keys) in views {
        let (w, h) = if *name == "too-small" {
            (50, 12)
        } else {
            (120, 40)
        };
        let corpus = crossread::corpus::build(&crossread::load::load_demo().texts);
        let mut app = App::new(corpus, Rect::new(0, 0, w, h), false);
        let terminal_colors = if *name == "light" {
            app.config.palette = crossread::tui::view::theme::Palette::light();
            LIGHT
        } else {
            DARK
        };
        update::keep_cursor_visible(&mut app);
        redraw(&mut app);
        press(&mut app, keys);
        let terminal = redraw(&mut app);
        let path = format!("{dir}/{name}.svg");
        if let Err(e) = std::fs::write(&path, svg(terminal.backend().buffer(), terminal_colors)) {
            eprintln!("cannot write {path}: {e}");
            std::process::exit(1);
        }
        println!("{path}");
    }
}

fn color(c: Color, default: &str) -> String {
    let named = |i: u8| -> &'static str {
        [
            "#1b1d21", "#e06c75", "#98c379", "#e5c07b", "#61afef", "#c678dd", "#56b6c2", "#d4d4d4",
            "#5c6370", "#ef8891", "#b5e890", "#f0d197", "#8cc8ff", "#dc9cf0", "#7fd3de", "#ffffff",
        ][i as usize % 16]
    };
    match c {
        Color::Reset => default.to_owned(),
        Color::Black => named(0).into(),
        Color::Red => named(1).into(),
        Color::Green => named(2).into(),
        Color::Yellow => named(3).into(),
        Color::Blue => named(4).into(),
        Color::Magenta => named(5).into(),
        Color::Cyan => named(6).into(),
        Color::Gray => named(7).into(),
        Color::DarkGray => named(8).into(),
        Color::LightRed => named(9).into(),
        Color::LightGreen => named(10).into(),
        Color::LightYellow => named(11).into(),
        Color::LightBlue => named(12).into(),
        Color::LightMagenta => named(13).into(),
        Color::LightCyan => named(14).into(),
        Color::White => named(15).into(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => named(i).into(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn svg(buffer: &Buffer, (fg_default, bg_default): (&str, &str)) -> String {
    let area = buffer.area;
    let (w, h) = (area.width as f64 * CELL_W, area.height as f64 * CELL_H);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{bg_default}\"/>\n\
         <g font-family=\"DejaVu Sans Mono, monospace\" font-size=\"14\" xml:space=\"preserve\">\n"
    );
    for y in 0..area.height {
        for x in 0..area.width {
            let Some(cell) = buffer.cell((x, y)) else {
                continue;
            };
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (color(cell.fg, fg_default), color(cell.bg, bg_default));
            if reversed {
                std::mem::swap(&mut fg, &mut bg);
            }
            let (px, py) = (x as f64 * CELL_W, y as f64 * CELL_H);
            if bg != bg_default {
                let _ = writeln!(
                    out,
                    "<rect x=\"{px:.1}\" y=\"{py:.1}\" width=\"{CELL_W}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
                );
            }
            let symbol = cell.symbol();
            if symbol.trim().is_empty() {
                continue;
            }
            let mut attrs = String::new();
            if cell.modifier.contains(Modifier::BOLD) {
                attrs.push_str(" font-weight=\"bold\"");
            }
            if cell.modifier.contains(Modifier::ITALIC) {
                attrs.push_str(" font-style=\"italic\"");
            }
            if cell.modifier.contains(Modifier::DIM) {
                attrs.push_str(" opacity=\"0.6\"");
            }
            if cell.modifier.contains(Modifier::UNDERLINED) {
                attrs.push_str(" text-decoration=\"underline\"");
            } else if cell.modifier.contains(Modifier::CROSSED_OUT) {
                attrs.push_str(" text-decoration=\"line-through\"");
            }
            let _ = writeln!(
                out,
                "<text x=\"{px:.1}\" y=\"{:.1}\" fill=\"{fg}\"{attrs}>{}</text>",
                py + CELL_H * 0.78,
                escape(symbol)
            );
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}
