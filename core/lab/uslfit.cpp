#include "uslfit.h"

#include <QSet>

#include <array>
#include <cmath>
#include <limits>

namespace shoal {
namespace {

using Params = std::array<double, 3>; // lambda, sigma, kappa
using Mask = std::array<bool, 3>;     // which of them the fit may move

double residualSum(const QList<UslPoint>& points, const Params& p)
{
    double sum = 0;
    for (const UslPoint& point : points) {
        const double r = point.throughput - UslFit::throughputAt(point.n, p[0], p[1], p[2]);
        sum += r * r;
    }
    return sum;
}

/// For fixed sigma and kappa the law is linear in lambda: the least-squares lambda, held >= 0.
double bestLambda(const QList<UslPoint>& points, double sigma, double kappa)
{
    double xg = 0;
    double gg = 0;
    for (const UslPoint& point : points) {
        const double g = UslFit::throughputAt(point.n, 1, sigma, kappa);
        xg += point.throughput * g;
        gg += g * g;
    }
    return gg > 0 ? std::max(0.0, xg / gg) : 0;
}

/// Solves the 3x3 system a x = b over the free parameters (Gaussian elimination with pivoting);
/// the others stay zero. False when it is singular.
bool solve(std::array<std::array<double, 3>, 3> a, Params b, const Mask& free, Params& x)
{
    for (int i = 0; i < 3; ++i) {
        if (!free[i]) {
            a[i] = {0, 0, 0};
            a[i][i] = 1;
            b[i] = 0;
            for (int j = 0; j < 3; ++j) {
                if (j != i)
                    a[j][i] = 0;
            }
        }
    }
    for (int col = 0; col < 3; ++col) {
        int pivot = col;
        for (int row = col + 1; row < 3; ++row) {
            if (std::abs(a[row][col]) > std::abs(a[pivot][col]))
                pivot = row;
        }
        if (!(std::abs(a[pivot][col]) > 0))
            return false;
        std::swap(a[col], a[pivot]);
        std::swap(b[col], b[pivot]);
        for (int row = col + 1; row < 3; ++row) {
            const double f = a[row][col] / a[col][col];
            for (int k = col; k < 3; ++k)
                a[row][k] -= f * a[col][k];
            b[row] -= f * b[col];
        }
    }
    for (int row = 2; row >= 0; --row) {
        double s = b[row];
        for (int k = row + 1; k < 3; ++k)
            s -= a[row][k] * x[k];
        x[row] = s / a[row][row];
    }
    return true;
}

/// Projected Levenberg-Marquardt from start over the parameters in mask; the rest stay as they
/// are. Every accepted step lowers the residual sum, so the result is never worse than start.
Params refine(const QList<UslPoint>& points, Params p, const Mask& mask)
{
    double rss = residualSum(points, p);
    double damping = 1e-3;
    for (int iteration = 0; iteration < 500 && damping < 1e16; ++iteration) {
        std::array<std::array<double, 3>, 3> jtj{};
        Params jtr{};
        for (const UslPoint& point : points) {
            const double n = point.n;
            const double d = 1 + p[1] * (n - 1) + p[2] * n * (n - 1);
            const double f = p[0] * n / d;
            const Params grad{n / d, -f * (n - 1) / d, -f * n * (n - 1) / d};
            const double r = point.throughput - f;
            for (int i = 0; i < 3; ++i) {
                jtr[i] += grad[i] * r;
                for (int j = 0; j < 3; ++j)
                    jtj[i][j] += grad[i] * grad[j];
            }
        }
        // A parameter on its bound whose descent direction points below it is held there.
        Mask free = mask;
        for (int i = 0; i < 3; ++i) {
            if (free[i] && p[i] <= 0 && jtr[i] <= 0)
                free[i] = false;
        }
        if (!free[0] && !free[1] && !free[2])
            break;
        std::array<std::array<double, 3>, 3> a = jtj;
        for (int i = 0; i < 3; ++i)
            a[i][i] += damping * std::max(jtj[i][i], 1e-300);
        Params step{};
        if (!solve(a, jtr, free, step)) {
            damping *= 10;
            continue;
        }
        Params next = p;
        for (int i = 0; i < 3; ++i) {
            if (free[i])
                next[i] = std::max(0.0, p[i] + step[i]);
        }
        const double nextRss = residualSum(points, next);
        if (nextRss < rss) {
            const double gain = rss - nextRss;
            p = next;
            rss = nextRss;
            damping = std::max(damping / 3, 1e-12);
            if (gain <= 1e-15 * rss)
                break;
        } else {
            damping *= 4;
        }
    }
    return p;
}

/// The best point of a grid over sigma and kappa (zero and log-spaced values), lambda in closed
/// form: a start that lies in the right basin for data of any scale.
Params gridStart(const QList<UslPoint>& points, bool sigmaFree, bool kappaFree)
{
    QList<double> sigmas{0};
    QList<double> kappas{0};
    for (int i = 0; i <= 40 && sigmaFree; ++i)
        sigmas.append(std::pow(10.0, -5 + i * 6.0 / 40)); // 1e-5 .. 10
    for (int i = 0; i <= 48 && kappaFree; ++i)
        kappas.append(std::pow(10.0, -8 + i * 8.0 / 48)); // 1e-8 .. 1
    Params best{bestLambda(points, 0, 0), 0, 0};
    double bestRss = residualSum(points, best);
    for (const double sigma : sigmas) {
        for (const double kappa : kappas) {
            const Params p{bestLambda(points, sigma, kappa), sigma, kappa};
            const double rss = residualSum(points, p);
            if (rss < bestRss) {
                best = p;
                bestRss = rss;
            }
        }
    }
    return best;
}

Params fitWith(const QList<UslPoint>& points, bool sigmaFree, bool kappaFree)
{
    return refine(points, gridStart(points, sigmaFree, kappaFree), {true, sigmaFree, kappaFree});
}

} // namespace

double UslFit::throughputAt(double n, double lambda, double sigma, double kappa)
{
    return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

UslFit fitUsl(const QList<UslPoint>& points)
{
    UslFit fit;
    QSet<double> distinct;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const UslPoint& point = points[i];
        if (!(point.n >= 1) || !std::isfinite(point.n) || !std::isfinite(point.throughput) ||
            point.throughput < 0) {
            fit.status = UslFit::Status::BadPoint;
            fit.badPoint = i;
            return fit;
        }
        distinct.insert(point.n);
    }
    if (distinct.size() < 3) {
        fit.status = UslFit::Status::TooFewPoints;
        return fit;
    }

    Params best = fitWith(points, true, true);
    double bestRss = residualSum(points, best);
    // Prefer fewer parameters when they fit as well: linear data should say "no coherency cost"
    // with kappa exactly zero, not 1e-12 and a peak at a million.
    const double scale = [&] {
        double s = 0;
        for (const UslPoint& point : points)
            s += point.throughput * point.throughput;
        return s;
    }();
    const double tolerance = bestRss * 1e-9 + scale * 1e-20;
    for (const auto& [sigmaFree, kappaFree] :
         {std::pair{false, false}, std::pair{true, false}, std::pair{false, true}}) {
        const Params simpler = fitWith(points, sigmaFree, kappaFree);
        const double rss = residualSum(points, simpler);
        if (rss <= bestRss + tolerance) {
            best = simpler;
            bestRss = std::min(rss, bestRss);
            break;
        }
    }

    fit.status = UslFit::Status::Fitted;
    fit.lambda = best[0];
    fit.sigma = best[1];
    fit.kappa = best[2];
    if (fit.kappa > 0 && fit.sigma < 1)
        fit.peakAt = std::sqrt((1 - fit.sigma) / fit.kappa);
    double mean = 0;
    for (const UslPoint& point : points)
        mean += point.throughput;
    mean /= static_cast<double>(points.size());
    double total = 0;
    fit.residualSumOfSquares = 0;
    for (const UslPoint& point : points) {
        const double r = point.throughput - fit.predict(point.n);
        fit.residuals.append(r);
        fit.residualSumOfSquares += r * r;
        total += (point.throughput - mean) * (point.throughput - mean);
    }
    fit.r2 =
        total > 0 ? 1 - fit.residualSumOfSquares / total : std::numeric_limits<double>::quiet_NaN();
    return fit;
}

} // namespace shoal
