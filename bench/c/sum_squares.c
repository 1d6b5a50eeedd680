/* sum_squares(a) over squares_args(n)'s array, a[i] = (i % 1000) * 0.001, summed in order. */
#include <stdlib.h>
#include "bench.h"

int main(int argc, char **argv)
{
    long long n = atoll(argv[1]);
    double *a = malloc(n * sizeof *a);
    for (long long i = 0; i < n; i++)
        a[i] = (double)(i % 1000) * 0.001;
    double start = now();
    double s = 0.0;
    for (long long i = 0; i < n; i++)
        s += a[i] * a[i];
    printf("%a", s);
    print_elapsed(start);
    free(a);
    return 0;
}
