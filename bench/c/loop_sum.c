/* loop_sum(n): a float result plus an int counter, as in Python (x < 2**53, so double(x) is exact). */
#include <stdlib.h>
#include "bench.h"

int main(int argc, char **argv)
{
    long long x = atoll(argv[1]);
    double start = now();
    double result = 0.0;
    while (x > 0) {
        result = result + (double)x;
        x = x - 1;
    }
    printf("%a", result);
    print_elapsed(start);
    return 0;
}
