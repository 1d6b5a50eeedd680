/* dc_sqrt_sum(n): dc_sum(0, n, lambda x: x ** 0.5); Python's int ** 0.5 is pow((double)x, 0.5). */
#include <math.h>
#include <stdlib.h>
#include "bench.h"

static double root(long long x)
{
    return pow((double)x, 0.5);
}

static double dc_sum(long long a, long long b, double (*f)(long long))
{
    if (b - a <= 1)
        return b > a ? f(a) : 0.0;
    long long mid = (a + b) / 2;   /* a, b >= 0: C's division floors as Python's // does */
    return dc_sum(a, mid, f) + dc_sum(mid, b, f);
}

int main(int argc, char **argv)
{
    long long n = atoll(argv[1]);
    double start = now();
    printf("%a", dc_sum(0, n, root));
    print_elapsed(start);
    return 0;
}
