/* count_primes(n): sum(is_prime(x) for x in range(n)); x * x stays far below 2**63. */
#include <stdlib.h>
#include "bench.h"

static long long is_prime(long long p)
{
    if (p < 2)
        return 0;
    for (long long x = 2; x * x <= p; x = x + 1)
        if (p % x == 0)
            return 0;
    return 1;
}

int main(int argc, char **argv)
{
    long long n = atoll(argv[1]);
    double start = now();
    long long count = 0;
    for (long long x = 0; x < n; x++)
        count += is_prime(x);
    printf("%lld", count);
    print_elapsed(start);
    return 0;
}
