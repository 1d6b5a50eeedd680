/* sin_sum(n): sum(math.sin(i) for i in range(n)). CPython's sum adds floats in order; from 3.12 on
   it compensates with Neumaier's algorithm (Python/bltinmodule.c), which the second argument, 1,
   selects. */
#include <math.h>
#include <stdlib.h>
#include "bench.h"

int main(int argc, char **argv)
{
    long long n = atoll(argv[1]);
    int neumaier = argc > 2 && atoi(argv[2]);
    double start = now();
    double s = 0.0, c = 0.0;
    for (long long i = 0; i < n; i++) {
        double x = sin((double)i);
        double t = s + x;
        if (neumaier)
            c += fabs(s) >= fabs(x) ? (s - t) + x : (x - t) + s;
        s = t;
    }
    if (c != 0.0 && isfinite(c))
        s += c;
    printf("%a", s);
    print_elapsed(start);
    return 0;
}
