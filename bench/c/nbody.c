/* nbody(steps): the benchmarks-game n-body in the Python version's order of operations
   (x ** -1.5 and x ** 0.5 are pow(), as in CPython); prints the energy before and after. */
#include <math.h>
#include <stdlib.h>
#include "bench.h"

#define N 5
#define SOLAR_MASS (4 * M_PI * M_PI)
#define DAYS_PER_YEAR 365.24

struct body { double r[3], v[3], m; };

static const double PLANETS[N - 1][7] = {
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
     9.54791938424326609e-04},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
     2.85885980666130812e-04},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
     4.36624404335156298e-05},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
     5.15138902046611451e-05},
};

static void make_bodies(struct body *b)
{
    b[0] = (struct body){{0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}, SOLAR_MASS};
    for (int i = 1; i < N; i++) {
        const double *p = PLANETS[i - 1];
        b[i] = (struct body){{p[0], p[1], p[2]},
                             {p[3] * DAYS_PER_YEAR, p[4] * DAYS_PER_YEAR, p[5] * DAYS_PER_YEAR},
                             p[6] * SOLAR_MASS};
    }
}

static void advance(double dt, long long steps, struct body *b)
{
    for (long long s = 0; s < steps; s++) {
        for (int i = 0; i < N; i++)
            for (int j = i + 1; j < N; j++) {
                double dx = b[i].r[0] - b[j].r[0];
                double dy = b[i].r[1] - b[j].r[1];
                double dz = b[i].r[2] - b[j].r[2];
                double mag = dt * pow(dx * dx + dy * dy + dz * dz, -1.5);
                double b1m = b[i].m * mag;
                double b2m = b[j].m * mag;
                b[i].v[0] -= dx * b2m;
                b[i].v[1] -= dy * b2m;
                b[i].v[2] -= dz * b2m;
                b[j].v[0] += dx * b1m;
                b[j].v[1] += dy * b1m;
                b[j].v[2] += dz * b1m;
            }
        for (int i = 0; i < N; i++)
            for (int k = 0; k < 3; k++)
                b[i].r[k] += dt * b[i].v[k];
    }
}

static double energy(const struct body *b)
{
    double e = 0.0;
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) {
            double dx = b[i].r[0] - b[j].r[0];
            double dy = b[i].r[1] - b[j].r[1];
            double dz = b[i].r[2] - b[j].r[2];
            e -= (b[i].m * b[j].m) / pow(dx * dx + dy * dy + dz * dz, 0.5);
        }
    for (int i = 0; i < N; i++)
        e += b[i].m * (b[i].v[0] * b[i].v[0] + b[i].v[1] * b[i].v[1] + b[i].v[2] * b[i].v[2]) / 2.0;
    return e;
}

static void offset_momentum(struct body *b)
{
    double p[3] = {0.0, 0.0, 0.0};
    for (int i = 0; i < N; i++)
        for (int k = 0; k < 3; k++)
            p[k] -= b[i].v[k] * b[i].m;
    for (int k = 0; k < 3; k++)
        b[0].v[k] = p[k] / b[0].m;
}

int main(int argc, char **argv)
{
    long long steps = atoll(argv[1]);
    double start = now();
    struct body b[N];
    make_bodies(b);
    offset_momentum(b);
    double before = energy(b);
    advance(0.01, steps, b);
    printf("%a %a", before, energy(b));
    print_elapsed(start);
    return 0;
}
