//! Fits the pair model's logistic-regression weights on a paraphrase corpus
//! in the MSRP format and prints them, with accuracy and F1 by threshold.
//!
//! usage: cargo run --release --example fit_pair_model -- ../shared/eval/msrp_train.tsv [FEATURES.tsv]
//!
//! Each pair is analysed as its own two-passage corpus, exactly as
//! `crossread export` sees two one-sentence articles. The output is pasted
//! into src/xref/model.rs.

use crossread::xref::analysis::analyse;
use crossread::xref::features::{PairFeatures, compare};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: fit_pair_model PAIRS.tsv");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
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
    if let Some(dump) = std::env::args().nth(2) {
        let mut out = format!("label\t{}\n", PairFeatures::NAMES.join("\t"));
        for (x, y) in xs.iter().zip(&ys) {
            let v: Vec<String> = x.iter().map(|v| format!("{v:.4}")).collect();
            out.push_str(&format!("{y}\t{}\n", v.join("\t")));
        }
        if let Err(e) = std::fs::write(&dump, out) {
            eprintln!("cannot write {dump}: {e}");
        }
    }
    let (w, b) = fit(&xs, &ys, 1e-4, 50);
    println!("pairs: {}", xs.len());
    // The fit is in-sample; 5-fold cross-validation shows what held-out
    // pairs can expect at the 0.45 threshold.
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
            .filter(|(i, (x, y))| i % folds == k && (predict(&fw, fb, x) >= 0.45) == (**y > 0.5))
            .count();
    }
    println!(
        "5-fold cross-validated accuracy at 0.45: {:.3}",
        correct as f64 / xs.len() as f64
    );
    for (name, wi) in PairFeatures::NAMES.iter().zip(&w) {
        println!("  {name:>16}: {wi:.4}");
    }
    println!("  {:>16}: {b:.4}", "bias");
    println!("threshold  accuracy  precision  recall  f1");
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
        println!("{t:>9.2}  {acc:>8.3}  {precision:>9.3}  {recall:>6.3}  {f1:.3}");
    }
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
