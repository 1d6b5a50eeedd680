/* lambda_loop(n) and compose_loop(n): loop_sum_of(n, f) with f(x) = x * 10.0 + 20.0, which is
   what Compose(Add(20.0), Multiply(10.0)) computes (multiplication and addition commute exactly). */
#include <stdlib.h>
#include "bench.h"

static double f(long long x)
{
    return (double)x * 10.0 + 20.0;
}

int main(int argc, char **argv)
{
    long long x = atoll(argv[1]);
    double start = now();
    double result = 0.0;
    while (x > 0) {
        result = result + f(x);
        x = x - 1;
    }
    printf("%a", result);
    print_elapsed(start);
    return 0;
}
