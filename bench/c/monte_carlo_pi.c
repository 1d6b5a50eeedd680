/* monte_carlo_pi(n): a * x + c < 2**62 and u * u + v * v < 2**63, so int64 gives Python's ints;
   all values are non-negative, so C's % is Python's. */
#include <stdlib.h>
#include "bench.h"

int main(int argc, char **argv)
{
    long long n = atoll(argv[1]);
    double start = now();
    const long long a = 1103515245, c = 12345, m = 1LL << 31;
    const long long radius2 = m * m;
    long long x = 42, inside = 0;
    for (long long i = 0; i < n; i++) {
        x = (a * x + c) % m;
        long long u = x;
        x = (a * x + c) % m;
        long long v = x;
        if (u * u + v * v < radius2)
            inside += 1;
    }
    printf("%a", 4.0 * (double)inside / (double)n);
    print_elapsed(start);
    return 0;
}
