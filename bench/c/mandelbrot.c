/* mandelbrot(size, max_iter): escape counts summed over the grid, in Python's order of operations
   (compiled with -ffp-contract=off: Python never fuses a multiply and an add). */
#include <stdlib.h>
#include "bench.h"

int main(int argc, char **argv)
{
    long long size = atoll(argv[1]), max_iter = atoll(argv[2]);
    double start = now();
    long long total = 0;
    for (long long i = 0; i < size; i++) {
        double ci = -1.25 + 2.5 * (double)i / (double)size;
        for (long long j = 0; j < size; j++) {
            double cr = -2.0 + 2.5 * (double)j / (double)size;
            double zr = 0.0, zi = 0.0;
            long long n = 0;
            while (n < max_iter && zr * zr + zi * zi <= 4.0) {
                double next_zr = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = next_zr;
                n += 1;
            }
            total += n;
        }
    }
    printf("%lld", total);
    print_elapsed(start);
    return 0;
}
