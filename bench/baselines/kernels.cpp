// Hand-written kernels of the generic select/aggregate loops: the hardware
// limit rasp-run's generated code is measured against (bench/run.py).
//
//   lt_mean:  out[q] = mean of v[k] over keys with key[k] < key[q]
//             (aggregate(select(x, x, <), x) on int32 data)
//   eq_count: out[q] = #{k : key[k] == key[q]}  (selector_width(select(x, x, ==)))
//
// Register-blocked by hand: 4 queries x one vector of keys per step, masked
// adds into vector accumulators, threads over query blocks (OpenMP-free:
// std::thread). Built with -O3 -march=native.
//
// usage: kernels KERNEL N THREADS REPEAT  -> prints "ms <best of REPEAT>"

#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

namespace {

#if defined(__AVX512F__)
constexpr int kLanes = 16;
#elif defined(__AVX2__)
constexpr int kLanes = 8;
#else
constexpr int kLanes = 1;
#endif

// Queries [q0, q1) of lt_mean. sums are int64 (exact), counts int32.
void ltMeanRange(const int32_t *key, int64_t n, int64_t q0, int64_t q1,
                 double *out) {
  int64_t q = q0;
#if defined(__AVX2__) && !defined(__AVX512F__)
  for (; q + 4 <= q1; q += 4) {
    __m256i query[4], sum[4], cnt[4];
    for (int j = 0; j < 4; ++j) {
      query[j] = _mm256_set1_epi32(key[q + j]);
      sum[j] = _mm256_setzero_si256();
      cnt[j] = _mm256_setzero_si256();
    }
    int64_t k = 0;
    for (; k + kLanes <= n; k += kLanes) {
      __m256i keys = _mm256_loadu_si256((const __m256i *)(key + k));
      for (int j = 0; j < 4; ++j) {
        __m256i m = _mm256_cmpgt_epi32(query[j], keys); // key < query
        sum[j] = _mm256_add_epi32(sum[j], _mm256_and_si256(m, keys));
        cnt[j] = _mm256_sub_epi32(cnt[j], m);
      }
    }
    for (int j = 0; j < 4; ++j) {
      alignas(32) int32_t s[8], c[8];
      _mm256_store_si256((__m256i *)s, sum[j]);
      _mm256_store_si256((__m256i *)c, cnt[j]);
      int64_t total = 0, count = 0;
      for (int l = 0; l < 8; ++l) {
        total += s[l];
        count += c[l];
      }
      for (int64_t r = k; r < n; ++r)
        if (key[r] < key[q + j]) {
          total += key[r];
          ++count;
        }
      out[q + j] = count ? (double)total / count : 0;
    }
  }
#elif defined(__AVX512F__)
  for (; q + 4 <= q1; q += 4) {
    __m512i query[4], sum[4], cnt[4];
    const __m512i one = _mm512_set1_epi32(1);
    for (int j = 0; j < 4; ++j) {
      query[j] = _mm512_set1_epi32(key[q + j]);
      sum[j] = _mm512_setzero_si512();
      cnt[j] = _mm512_setzero_si512();
    }
    int64_t k = 0;
    for (; k + kLanes <= n; k += kLanes) {
      __m512i keys = _mm512_loadu_si512(key + k);
      for (int j = 0; j < 4; ++j) {
        __mmask16 m = _mm512_cmplt_epi32_mask(keys, query[j]);
        sum[j] = _mm512_mask_add_epi32(sum[j], m, sum[j], keys);
        cnt[j] = _mm512_mask_add_epi32(cnt[j], m, cnt[j], one);
      }
    }
    for (int j = 0; j < 4; ++j) {
      int64_t total = _mm512_reduce_add_epi32(sum[j]);
      int64_t count = _mm512_reduce_add_epi32(cnt[j]);
      for (int64_t r = k; r < n; ++r)
        if (key[r] < key[q + j]) {
          total += key[r];
          ++count;
        }
      out[q + j] = count ? (double)total / count : 0;
    }
  }
#endif
  for (; q < q1; ++q) {
    int64_t total = 0, count = 0;
    for (int64_t k = 0; k < n; ++k)
      if (key[k] < key[q]) {
        total += key[k];
        ++count;
      }
    out[q] = count ? (double)total / count : 0;
  }
}

void eqCountRange(const int32_t *key, int64_t n, int64_t q0, int64_t q1,
                  double *out) {
  int64_t q = q0;
#if defined(__AVX2__) && !defined(__AVX512F__)
  for (; q + 4 <= q1; q += 4) {
    __m256i query[4], cnt[4];
    for (int j = 0; j < 4; ++j) {
      query[j] = _mm256_set1_epi32(key[q + j]);
      cnt[j] = _mm256_setzero_si256();
    }
    int64_t k = 0;
    for (; k + kLanes <= n; k += kLanes) {
      __m256i keys = _mm256_loadu_si256((const __m256i *)(key + k));
      for (int j = 0; j < 4; ++j)
        cnt[j] = _mm256_sub_epi32(cnt[j], _mm256_cmpeq_epi32(keys, query[j]));
    }
    for (int j = 0; j < 4; ++j) {
      alignas(32) int32_t c[8];
      _mm256_store_si256((__m256i *)c, cnt[j]);
      int64_t count = 0;
      for (int l = 0; l < 8; ++l)
        count += c[l];
      for (int64_t r = k; r < n; ++r)
        count += key[r] == key[q + j];
      out[q + j] = count;
    }
  }
#elif defined(__AVX512F__)
  for (; q + 4 <= q1; q += 4) {
    __m512i query[4], cnt[4];
    const __m512i one = _mm512_set1_epi32(1);
    for (int j = 0; j < 4; ++j) {
      query[j] = _mm512_set1_epi32(key[q + j]);
      cnt[j] = _mm512_setzero_si512();
    }
    int64_t k = 0;
    for (; k + kLanes <= n; k += kLanes) {
      __m512i keys = _mm512_loadu_si512(key + k);
      for (int j = 0; j < 4; ++j)
        cnt[j] = _mm512_mask_add_epi32(
            cnt[j], _mm512_cmpeq_epi32_mask(keys, query[j]), cnt[j], one);
    }
    for (int j = 0; j < 4; ++j) {
      int64_t count = _mm512_reduce_add_epi32(cnt[j]);
      for (int64_t r = k; r < n; ++r)
        count += key[r] == key[q + j];
      out[q + j] = count;
    }
  }
#endif
  for (; q < q1; ++q) {
    int64_t count = 0;
    for (int64_t k = 0; k < n; ++k)
      count += key[k] == key[q];
    out[q] = count;
  }
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s lt_mean|eq_count N THREADS REPEAT\n", argv[0]);
    return 1;
  }
  const char *kernel = argv[1];
  int64_t n = std::atoll(argv[2]);
  int threads = std::max(1, std::atoi(argv[3]));
  int repeat = std::max(1, std::atoi(argv[4]));
  auto range = std::strcmp(kernel, "lt_mean") == 0 ? ltMeanRange : eqCountRange;
  std::mt19937 rng(1);
  std::vector<int32_t> key(n);
  for (auto &k : key)
    k = std::uniform_int_distribution<int32_t>(0, 1000)(rng);
  std::vector<double> out(n);
  double best = 1e30;
  for (int r = 0; r < repeat; ++r) {
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    int64_t chunk = ((n + threads - 1) / threads + 3) / 4 * 4;
    for (int t = 0; t < threads; ++t) {
      int64_t q0 = std::min<int64_t>(n, t * chunk), q1 = std::min<int64_t>(n, q0 + chunk);
      pool.emplace_back(range, key.data(), n, q0, q1, out.data());
    }
    for (auto &thread : pool)
      thread.join();
    best = std::min(best, std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - start).count());
  }
  double check = 0;
  for (double v : out)
    check += v;
  std::printf("ms %.3f lanes %d checksum %.6g\n", best, kLanes, check);
  return 0;
}
