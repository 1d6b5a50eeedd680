/* What every workload's C version shares: the kernel's elapsed time, and how
   results are printed so that bench/jit.py reads them back exactly (ints in
   decimal, doubles in C99 hex, which float.fromhex reads bit for bit).
   Output: the result on the first line (a tuple's items separated by spaces),
   "elapsed SECONDS" on the second. */
#ifndef BENCH_H
#define BENCH_H
#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void print_elapsed(double start)
{
    printf("\nelapsed %.6f\n", now() - start);
}

#endif
