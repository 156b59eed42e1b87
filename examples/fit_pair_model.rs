//! Fits the pair model's logistic-regression weights on a paraphrase corpus
//! in the MSRP format and prints them, with accuracy and F1 by threshold.
//!
//! usage: cargo run --release --example fit_pair_model -- ../shared/eval/msrp_train.tsv
//!        [--without NAME,...] [--all] [--dump FEATURES.tsv]
//!
//! Each pair is analysed as its own two-passage corpus, exactly as
//! `crossread export` sees two one-sentence articles. The regression is
//! printed last as the JSON of `assets/pair_model.json`'s `paraphrase`
//! (and today its `news`) entry; `.ci/run` checks that the asset's
//! `paraphrase` regression is what this prints. `--without` leaves more
//! features out (for measuring what each brings), `--all` fits every
//! feature, `--dump` writes the features.

use std::fmt::Write as _;
use std::io::Write as _;

use crossread::xref::analysis::analyse;
use crossread::xref::features::{PairFeatures, compare};
use crossread::xref::model::Logistic;

/// Features computed for every pair but left out of the MSRP fit. They were
/// added for fitting on news (`scripts/fit_dev.py`); fitted on MSRP they
/// mostly reward long sentences (the shorter side's length takes a weight
/// of +1.19) and the links lose precision: the seeds' pairs precision 0.973
/// -> 0.763, dev macro B-cubed F1 0.693 -> 0.686.
const LEFT_OUT: [&str; 4] = [
    "number_agree",
    "names_shared",
    "rarest_shared",
    "shorter_terms",
];

/// Threshold at which the cross-validated accuracy is counted (the
/// paraphrase threshold of the shipped model).
const THRESHOLD: f64 = 0.45;

struct Options {
    pairs: String,
    dump: Option<String>,
    /// Which features are fitted (by position in `PairFeatures::NAMES`).
    fitted: Vec<bool>,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let (mut pairs, mut dump, mut all) = (None, None, false);
    let mut without: Vec<String> = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--all" => all = true,
            "--dump" => dump = Some(args.next().ok_or("--dump needs a file name")?),
            "--without" => {
                let names = args.next().ok_or("--without needs feature names")?;
                without.extend(names.split(',').map(str::to_owned));
            }
            _ if pairs.is_none() && !arg.starts_with("--") => pairs = Some(arg),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let pairs = pairs.ok_or("no pairs file given")?;
    if let Some(unknown) = without
        .iter()
        .find(|n| !PairFeatures::NAMES.contains(&n.as_str()))
    {
        return Err(format!(
            "no feature {unknown:?} (the features: {})",
            PairFeatures::NAMES.join(", ")
        ));
    }
    let fitted = PairFeatures::NAMES
        .iter()
        .map(|name| (all || !LEFT_OUT.contains(name)) && !without.iter().any(|w| w == name))
        .collect();
    Ok(Options {
        pairs,
        dump,
        fitted,
    })
}

fn main() {
    let options = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("fit_pair_model: {e}");
            eprintln!(
                "usage: fit_pair_model PAIRS.tsv [--without NAME,...] [--all] [--dump FEATURES.tsv]"
            );
            std::process::exit(2);
        }
    };
    let text = match std::fs::read_to_string(&options.pairs) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("fit_pair_model: cannot read {}: {e}", options.pairs);
            std::process::exit(2);
        }
    };
    let mut xs: Vec<Vec<f64>> = Vec::new();
    let mut ys: Vec<f64> = Vec::new();
    for line in text.lines().skip(1) {
        let parts: Vec<&str> = line.split('\t').collect();
        if parts.len() != 5 {
            continue;
        }
        let (an, stats) = analyse(&[parts[3], parts[4]]);
        let f = compare(&an[0], &an[1], &stats).features;
        xs.push(f.as_array().to_vec());
        ys.push(if parts[0] == "1" { 1.0 } else { 0.0 });
    }
    if let Some(dump) = &options.dump {
        let mut out = format!("label\t{}\n", PairFeatures::NAMES.join("\t"));
        for (x, y) in xs.iter().zip(&ys) {
            let v: Vec<String> = x.iter().map(|v| format!("{v:.4}")).collect();
            let _ = writeln!(out, "{y}\t{}", v.join("\t"));
        }
        if let Err(e) = std::fs::write(dump, out) {
            eprintln!("fit_pair_model: cannot write {dump}: {e}");
        }
    }
    // A feature left out is fitted as zero: its weight comes out 0.
    for x in &mut xs {
        for (v, &fitted) in x.iter_mut().zip(&options.fitted) {
            if !fitted {
                *v = 0.0;
            }
        }
    }
    let mut out = String::new();
    let (w, b) = fit(&xs, &ys, 1e-4, 50);
    let _ = writeln!(out, "pairs: {}", xs.len());
    // The fit is in-sample; 5-fold cross-validation shows what held-out
    // pairs can expect at the threshold.
    let folds = 5;
    let mut correct = 0;
    for k in 0..folds {
        let (train_x, train_y): (Vec<Vec<f64>>, Vec<f64>) = xs
            .iter()
            .zip(&ys)
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, (x, y))| (x.clone(), *y))
            .unzip();
        let (fw, fb) = fit(&train_x, &train_y, 1e-4, 50);
        correct += xs
            .iter()
            .zip(&ys)
            .enumerate()
            .filter(|(i, (x, y))| {
                i % folds == k && (predict(&fw, fb, x) >= THRESHOLD) == (**y > 0.5)
            })
            .count();
    }
    let _ = writeln!(
        out,
        "5-fold cross-validated accuracy at {THRESHOLD}: {:.3}",
        correct as f64 / xs.len() as f64
    );
    for ((name, wi), fitted) in PairFeatures::NAMES.iter().zip(&w).zip(&options.fitted) {
        let note = if *fitted { "" } else { " (left out)" };
        let _ = writeln!(out, "  {name:>16}: {wi:.4}{note}");
    }
    let _ = writeln!(out, "  {:>16}: {b:.4}", "bias");
    let _ = writeln!(out, "threshold  accuracy  precision  recall  f1");
    for t in (30..=70).step_by(5) {
        let t = t as f64 / 100.0;
        let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
        for (x, y) in xs.iter().zip(&ys) {
            let p = predict(&w, b, x) >= t;
            match (p, *y > 0.5) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => tn += 1,
            }
        }
        let precision = tp as f64 / (tp + fp).max(1) as f64;
        let recall = tp as f64 / (tp + fn_).max(1) as f64;
        let f1 = 2.0 * precision * recall / (precision + recall).max(1e-9);
        let acc = (tp + tn) as f64 / xs.len() as f64;
        let _ = writeln!(
            out,
            "{t:>9.2}  {acc:>8.3}  {precision:>9.3}  {recall:>6.3}  {f1:.3}"
        );
    }
    // The regression as the model file writes it, four decimals (a left-out
    // feature's 0 as 0).
    let rounded = |v: f64| {
        let r = (v * 1e4).round() / 1e4;
        if r == 0.0 { 0.0 } else { r }
    };
    let regression = Logistic {
        weights: std::array::from_fn(|k| rounded(w[k])),
        bias: rounded(b),
    };
    match serde_json::to_string(&regression) {
        Ok(json) => {
            let _ = writeln!(out, "{json}");
        }
        Err(e) => eprintln!("fit_pair_model: cannot write the regression: {e}"),
    }
    // (Printed at once, and a closed pipe is no error: `| head` is fine.)
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
}

fn predict(w: &[f64], b: f64, x: &[f64]) -> f64 {
    let z: f64 = b + w.iter().zip(x).map(|(a, b)| a * b).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// Newton-Raphson (IRLS) on the L2-regularised log loss; the bias is the
/// last coefficient and is not regularised.
fn fit(xs: &[Vec<f64>], ys: &[f64], l2: f64, iterations: usize) -> (Vec<f64>, f64) {
    let d = xs[0].len() + 1;
    let row = |x: &Vec<f64>| {
        x.iter()
            .copied()
            .chain(std::iter::once(1.0))
            .collect::<Vec<f64>>()
    };
    let mut beta = vec![0.0; d];
    for _ in 0..iterations {
        let mut grad = vec![0.0; d];
        let mut hess = vec![vec![0.0; d]; d];
        for (x, y) in xs.iter().zip(ys) {
            let r = row(x);
            let z: f64 = r.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for i in 0..d {
                grad[i] += (p - y) * r[i];
                for j in 0..d {
                    hess[i][j] += p * (1.0 - p) * r[i] * r[j];
                }
            }
        }
        let n = xs.len() as f64;
        for i in 0..d - 1 {
            grad[i] += l2 * n * beta[i];
            hess[i][i] += l2 * n;
        }
        let step = solve(hess, grad);
        let mut largest: f64 = 0.0;
        for i in 0..d {
            beta[i] -= step[i];
            largest = largest.max(step[i].abs());
        }
        if largest < 1e-9 {
            break;
        }
    }
    let bias = beta.pop().unwrap_or(0.0);
    (beta, bias)
}

/// Solves a·x = b by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let diag = a[col][col];
        if diag.abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col].clone();
        for r in col + 1..n {
            let f = a[r][col] / diag;
            for (x, p) in a[r][col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * p;
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|c| a[r][c] * x[c]).sum();
        x[r] = if a[r][r].abs() < 1e-12 {
            0.0
        } else {
            (b[r] - s) / a[r][r]
        };
    }
    x
}
