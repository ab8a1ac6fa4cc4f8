//! The shapes of a town hall's day, from the seeded generator: arrivals as a Poisson process
//! with a morning peak, service times log-normal (most visits short, a few long).

use crate::seed::rng::Rng;

/// Uniform in `[0, 1)`.
pub fn unit(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// Standard normal (Box-Muller).
pub fn normal(rng: &mut Rng) -> f64 {
    let u1 = unit(rng).max(f64::MIN_POSITIVE);
    let u2 = unit(rng);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Log-normal with the given median and spread (sigma of the logarithm).
pub fn log_normal(rng: &mut Rng, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng)).exp()
}

/// Exponential with the given mean (the gap between two Poisson arrivals).
pub fn exponential(rng: &mut Rng, mean: f64) -> f64 {
    -mean * (1.0 - unit(rng)).ln()
}

/// A Poisson count with mean `mean` (Knuth's method for small means, normal beyond).
pub fn poisson(rng: &mut Rng, mean: f64) -> u64 {
    if mean <= 0.0 {
        return 0;
    }
    if mean > 50.0 {
        return (mean + mean.sqrt() * normal(rng)).round().max(0.0) as u64;
    }
    let limit = (-mean).exp();
    let mut product = unit(rng);
    let mut count = 0;
    while product > limit {
        count += 1;
        product *= unit(rng);
    }
    count
}

/// Relative arrival rate at `hour` (local, fractional): a peak around 10:00 and a smaller one
/// after lunch, the way a town hall's lobby fills.
pub fn arrival_weight(hour: f64) -> f64 {
    let bump = |centre: f64, width: f64| (-((hour - centre) / width).powi(2)).exp();
    0.5 + 1.6 * bump(10.0, 1.3) + 0.6 * bump(14.0, 1.0)
}

/// Picks an index with the given weights.
pub fn weighted(rng: &mut Rng, weights: &[u64]) -> usize {
    let total: u64 = weights.iter().sum();
    let mut roll = rng.below(total.max(1));
    for (i, w) in weights.iter().enumerate() {
        if roll < *w {
            return i;
        }
        roll -= w;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shapes_have_their_means() {
        let mut rng = Rng::new(7);
        let n = 20_000;
        let poisson_mean = (0..n).map(|_| poisson(&mut rng, 4.0)).sum::<u64>() as f64 / n as f64;
        assert!((poisson_mean - 4.0).abs() < 0.1, "{poisson_mean}");
        let mut logs: Vec<f64> = (0..n).map(|_| log_normal(&mut rng, 300.0, 0.5)).collect();
        logs.sort_by(f64::total_cmp);
        let median = logs[n / 2];
        assert!((median - 300.0).abs() < 15.0, "{median}");
        assert!(arrival_weight(10.0) > 2.0 * arrival_weight(16.5));
    }
}
