// Hand-written C++ baselines for the paper's RASP programs
// (test/Integration/Inputs/conformance/paper.rasp), each with the best
// algorithm we know for exactly the same output as the RASP program.
//
//   paper_programs PROGRAM (--input-file PATH | --ints-file PATH)
//                  [--output-file PATH] [--repeat R]
//   paper_programs gen N SEED VOCAB PATH        # N random tokens from VOCAB
//   paper_programs gen-ints N SEED LO HI PATH   # N random ints in [LO, HI]
//
// Inputs use rasp-run's formats: --input-file is one token per character (a
// final newline dropped; ASCII only here), --ints-file whitespace-separated
// integers. --output-file writes what `rasp-run --output-file` writes (one
// value per line), so the two files can be compared byte for byte.
// Prints `time_ms=<min over R runs of the computation only> checksum=<FNV-1a
// of the output file's text> n=<n>`. Single-threaded.
//
// Programs: hist reverse sorted hist2 most_freq dyck1 dyck2 dyck3
// shuffle_dyck2 (tokens), sorted_ints (bench/programs/sort_ints.rasp:
// sort(tokens_int, tokens_int), whose values are f64 means, printed "5.0").
//
// Build: clang++-22 -O3 -march=native -std=c++17 paper_programs.cpp
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

[[noreturn]] void die(const std::string &msg) {
  std::fprintf(stderr, "error: %s\n", msg.c_str());
  std::exit(1);
}

// ---------------------------------------------------------------- outputs
// One output per program: a column of ints, of characters (every string
// value of these programs is one character or "-"), of bools, or of
// doubles that hold integers (sorted_ints).
enum class Kind { Int, Char, Bool, IntAsFloat };

struct Output {
  Kind kind = Kind::Int;
  std::vector<int32_t> ints;   // Int
  std::vector<char> chars;     // Char ('T'/'P'/'F' for dyck), Bool (0/1)
  std::vector<int64_t> wide;   // IntAsFloat
};

// ---------------------------------------------------------------- programs
// Every string token is one byte; counts use 256-entry tables.

// hist = selector_width(select(tokens, tokens, ==)): a counting histogram.
void hist(const std::vector<unsigned char> &t, Output &out) {
  size_t n = t.size();
  int32_t cnt[256] = {0};
  for (size_t i = 0; i < n; ++i) ++cnt[t[i]];
  int32_t *o = out.ints.data();
  for (size_t i = 0; i < n; ++i) o[i] = cnt[t[i]];
}

// reverse = aggregate(select(indices, length - indices - 1, ==), tokens).
void reverse(const std::vector<unsigned char> &t, Output &out) {
  size_t n = t.size();
  char *o = out.chars.data();
  const unsigned char *s = t.data();
  for (size_t i = 0; i < n; ++i) o[i] = (char)s[n - 1 - i];
}

// sorted = sort(tokens, tokens): a stable sort whose values are its keys, so
// a counting sort reduces to a histogram and one fill per distinct token.
void sorted(const std::vector<unsigned char> &t, Output &out) {
  size_t n = t.size();
  size_t cnt[256] = {0};
  for (size_t i = 0; i < n; ++i) ++cnt[t[i]];
  char *o = out.chars.data();
  for (int c = 0; c < 256; ++c) {
    std::memset(o, c, cnt[c]);
    o += cnt[c];
  }
}

// hist2: for each token, the number of distinct tokens whose count equals
// its count. Histogram, then a 256 x 256 table.
void hist2(const std::vector<unsigned char> &t, Output &out) {
  size_t n = t.size();
  int32_t cnt[256] = {0};
  for (size_t i = 0; i < n; ++i) ++cnt[t[i]];
  int32_t same[256] = {0};
  for (int a = 0; a < 256; ++a)
    if (cnt[a])
      for (int b = 0; b < 256; ++b) same[a] += cnt[b] == cnt[a];
  int32_t *o = out.ints.data();
  for (size_t i = 0; i < n; ++i) o[i] = same[t[i]];
}

// most_freq = by_frequency(tokens, "-", 300): a stable sort of
// (repeat ? "-" : token) by key -(count - 300 * repeat), ties by position.
// A position's key depends only on (token, first occurrence or not): at most
// 512 classes, so one histogram pass and one stable counting-sort scatter.
void most_freq(const std::vector<unsigned char> &t, Output &out) {
  size_t n = t.size();
  int64_t cnt[256] = {0};
  for (size_t i = 0; i < n; ++i) ++cnt[t[i]];
  // Class 2c: the first occurrence of c (key -cnt); 2c+1: its repeats
  // (key 300 - cnt). Sort the keys that occur; classes with equal keys share
  // a bucket so that ties stay in position order.
  std::vector<std::pair<int64_t, int64_t>> keys;  // (key, size)
  for (int c = 0; c < 256; ++c) {
    if (!cnt[c]) continue;
    keys.push_back({-cnt[c], 1});
    if (cnt[c] > 1) keys.push_back({300 - cnt[c], cnt[c] - 1});
  }
  std::sort(keys.begin(), keys.end());
  std::vector<int64_t> distinct;
  std::vector<size_t> offset;
  size_t at = 0;
  for (auto &k : keys) {
    if (distinct.empty() || distinct.back() != k.first) {
      distinct.push_back(k.first);
      offset.push_back(at);
    }
    at += k.second;
  }
  auto bucket = [&](int64_t key) {
    return size_t(std::lower_bound(distinct.begin(), distinct.end(), key) - distinct.begin());
  };
  size_t first_bucket[256], repeat_bucket[256];
  for (int c = 0; c < 256; ++c)
    if (cnt[c]) {
      first_bucket[c] = bucket(-cnt[c]);
      repeat_bucket[c] = cnt[c] > 1 ? bucket(300 - cnt[c]) : 0;
    }
  bool seen[256] = {false};
  char *o = out.chars.data();
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = t[i];
    if (seen[c]) {
      o[offset[repeat_bucket[c]]++] = '-';
    } else {
      seen[c] = true;
      o[offset[first_bucket[c]]++] = (char)c;
    }
  }
}

// dyck1: prefix counts of "(" and ")"; F from the first prefix whose depth
// is negative on, else T (depth 0) or P.
void dyck1(const std::vector<unsigned char> &t, Output &out) {
  size_t n = t.size();
  char *o = out.chars.data();
  int64_t depth = 0;
  size_t i = 0;
  for (; i < n; ++i) {
    depth += (t[i] == '(') - (t[i] == ')');
    if (depth < 0) break;
    o[i] = depth == 0 ? 'T' : 'P';
  }
  std::memset(o + i, 'F', n - i);
}

// dyck_of(pairs), exactly as paper.rasp computes it: level = depth +
// is_close; a closer's opener is the token at the previous position of the
// same level (whatever token that is), "-" when that is not an opener or
// there is none; a position fails (and every later one) when its depth is
// negative or it is a closer whose opener + itself is not a pair. Before the
// first failure depth >= 0, so level is in [0, n + 1]: one byte per level
// remembers the last token seen there. After it, the output is all F.
void dyck_k(const std::vector<unsigned char> &t, Output &out, const char *pairs) {
  size_t n = t.size();
  signed char role[256] = {0};       // +1 opener, -1 closer
  unsigned char partner[256] = {0};  // closer -> its opener
  for (const char *p = pairs; *p; p += 2) {
    role[(unsigned char)p[0]] = 1;
    role[(unsigned char)p[1]] = -1;
    partner[(unsigned char)p[1]] = (unsigned char)p[0];
  }
  std::vector<unsigned char> last(n + 2, 0);  // 0: no position at this level yet
  char *o = out.chars.data();
  int64_t depth = 0;
  size_t i = 0;
  for (; i < n; ++i) {
    unsigned char c = t[i];
    int r = role[c];
    depth += r;
    if (depth < 0) break;
    int64_t level = depth + (r < 0);
    unsigned char prev = last[level];
    last[level] = c;
    if (r < 0 && !(prev && role[prev] == 1 && partner[c] == prev)) break;
    o[i] = depth == 0 ? 'T' : 'P';
  }
  std::memset(o + i, 'F', n - i);
}

// shuffle_dyck2: each of () and {} never negative in any prefix and
// balanced at the end; the same bool at every position.
void shuffle_dyck2(const std::vector<unsigned char> &t, Output &out) {
  size_t n = t.size();
  int64_t round_bal = 0, curly_bal = 0;
  bool negative = false;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = t[i];
    round_bal += (c == '(') - (c == ')');
    curly_bal += (c == '{') - (c == '}');
    negative |= (round_bal < 0) | (curly_bal < 0);
  }
  bool value = !negative && round_bal == 0 && curly_bal == 0;
  std::memset(out.chars.data(), value, n);
}

// sorted_ints = sort(tokens_int, tokens_int): a stable sort whose values are
// its keys. A counting sort over the value range when the range is at most
// 4n (one histogram and one fill), else an LSD radix sort, 11 bits a pass.
void sorted_ints(const std::vector<int64_t> &v, Output &out) {
  size_t n = v.size();
  int64_t *o = out.wide.data();
  if (n == 0) return;
  int64_t lo = v[0], hi = v[0];
  for (size_t i = 0; i < n; ++i) {
    lo = std::min(lo, v[i]);
    hi = std::max(hi, v[i]);
  }
  uint64_t range = uint64_t(hi) - uint64_t(lo) + 1;
  if (range <= 4 * uint64_t(n) + 1024) {
    std::vector<uint32_t> cnt(range, 0);
    for (size_t i = 0; i < n; ++i) ++cnt[uint64_t(v[i]) - uint64_t(lo)];
    for (uint64_t k = 0; k < range; ++k) {
      int64_t value = int64_t(uint64_t(lo) + k);
      for (uint32_t j = cnt[k]; j; --j) *o++ = value;
    }
    return;
  }
  std::vector<uint64_t> a(n), b(n);
  for (size_t i = 0; i < n; ++i) a[i] = uint64_t(v[i]) - uint64_t(lo);
  uint64_t top = range - 1;
  constexpr int kBits = 11;
  constexpr size_t kRadix = size_t(1) << kBits;
  for (int shift = 0; shift < 64 && (top >> shift); shift += kBits) {
    size_t cnt[kRadix] = {0};
    for (size_t i = 0; i < n; ++i) ++cnt[(a[i] >> shift) & (kRadix - 1)];
    size_t sum = 0;
    for (size_t d = 0; d < kRadix; ++d) {
      size_t c = cnt[d];
      cnt[d] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; ++i) b[cnt[(a[i] >> shift) & (kRadix - 1)]++] = a[i];
    a.swap(b);
  }
  for (size_t i = 0; i < n; ++i) o[i] = int64_t(a[i] + uint64_t(lo));
}

// ---------------------------------------------------------------- I/O
std::vector<unsigned char> read_tokens(const char *path) {
  FILE *f = std::fopen(path, "rb");
  if (!f) die(std::string("cannot open ") + path);
  std::vector<unsigned char> data;
  unsigned char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) data.insert(data.end(), buf, buf + got);
  std::fclose(f);
  if (!data.empty() && data.back() == '\n') data.pop_back();
  for (unsigned char c : data)
    if (c >= 0x80) die("only ASCII tokens are supported");
  return data;
}

std::vector<int64_t> read_ints(const char *path) {
  FILE *f = std::fopen(path, "rb");
  if (!f) die(std::string("cannot open ") + path);
  std::vector<int64_t> values;
  long long x;
  while (std::fscanf(f, "%lld", &x) == 1) values.push_back(x);
  if (!std::feof(f)) die(std::string("bad integer in ") + path);
  std::fclose(f);
  return values;
}

// The text of rasp-run's --output-file: one value per line.
std::string format(const Output &out, size_t n) {
  std::string s;
  s.reserve(n * 4);
  char buf[32];
  for (size_t i = 0; i < n; ++i) {
    switch (out.kind) {
    case Kind::Int:
      s.append(buf, std::snprintf(buf, sizeof buf, "%d\n", out.ints[i]));
      break;
    case Kind::Char:
      s.push_back(out.chars[i]);
      s.push_back('\n');
      break;
    case Kind::Bool:
      s.append(out.chars[i] ? "true\n" : "false\n");
      break;
    case Kind::IntAsFloat:
      s.append(buf, std::snprintf(buf, sizeof buf, "%lld.0\n", (long long)out.wide[i]));
      break;
    }
  }
  return s;
}

uint64_t fnv1a(const std::string &s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

int generate(int argc, char **argv) {
  std::string mode = argv[1];
  if (mode == "gen" && argc == 6) {
    size_t n = std::strtoull(argv[2], nullptr, 10);
    std::mt19937_64 rng(std::strtoull(argv[3], nullptr, 10));
    std::string vocab = argv[4];
    if (vocab.empty()) die("empty vocabulary");
    std::string s(n, ' ');
    for (size_t i = 0; i < n; ++i) s[i] = vocab[rng() % vocab.size()];
    FILE *f = std::fopen(argv[5], "wb");
    if (!f || std::fwrite(s.data(), 1, n, f) != n || std::fclose(f)) die("cannot write input");
    return 0;
  }
  if (mode == "gen-ints" && argc == 7) {
    size_t n = std::strtoull(argv[2], nullptr, 10);
    std::mt19937_64 rng(std::strtoull(argv[3], nullptr, 10));
    long long lo = std::atoll(argv[4]), hi = std::atoll(argv[5]);
    std::uniform_int_distribution<long long> dist(lo, hi);
    FILE *f = std::fopen(argv[6], "wb");
    if (!f) die("cannot write input");
    for (size_t i = 0; i < n; ++i) std::fprintf(f, "%lld%c", dist(rng), i + 1 == n ? '\n' : ' ');
    if (std::fclose(f)) die("cannot write input");
    return 0;
  }
  die("usage: paper_programs gen N SEED VOCAB PATH | gen-ints N SEED LO HI PATH");
}

} // namespace

int main(int argc, char **argv) {
  if (argc >= 2 && (std::string(argv[1]) == "gen" || std::string(argv[1]) == "gen-ints"))
    return generate(argc, argv);
  if (argc < 2) die("usage: paper_programs PROGRAM (--input-file P | --ints-file P) [--output-file P] [--repeat R]");
  std::string program = argv[1];
  const char *input_file = nullptr, *ints_file = nullptr, *output_file = nullptr;
  int repeat = 1;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char * {
      if (i + 1 >= argc) die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--input-file") input_file = value();
    else if (a == "--ints-file") ints_file = value();
    else if (a == "--output-file") output_file = value();
    else if (a == "--repeat") repeat = std::max(1, std::atoi(value()));
    else die("unknown argument " + a);
  }

  std::vector<unsigned char> tokens;
  std::vector<int64_t> ints;
  Output out;
  size_t n;
  void (*fn)(const std::vector<unsigned char> &, Output &) = nullptr;
  const char *pairs = nullptr;
  if (program == "sorted_ints") {
    if (!ints_file) die("sorted_ints needs --ints-file");
    ints = read_ints(ints_file);
    n = ints.size();
    out.kind = Kind::IntAsFloat;
    out.wide.resize(n);
  } else {
    if (!input_file) die(program + " needs --input-file");
    tokens = read_tokens(input_file);
    n = tokens.size();
    if (program == "hist") fn = hist, out.kind = Kind::Int;
    else if (program == "reverse") fn = reverse, out.kind = Kind::Char;
    else if (program == "sorted") fn = sorted, out.kind = Kind::Char;
    else if (program == "hist2") fn = hist2, out.kind = Kind::Int;
    else if (program == "most_freq") fn = most_freq, out.kind = Kind::Char;
    else if (program == "dyck1") fn = dyck1, out.kind = Kind::Char;
    else if (program == "dyck2") pairs = "(){}", out.kind = Kind::Char;
    else if (program == "dyck3") pairs = "(){}[]", out.kind = Kind::Char;
    else if (program == "shuffle_dyck2") fn = shuffle_dyck2, out.kind = Kind::Bool;
    else die("unknown program " + program);
    if (out.kind == Kind::Int) out.ints.resize(n);
    else out.chars.resize(n);
  }

  // Time only the computation; the output buffer is allocated (and, by
  // resize, touched) beforehand, as rasp-run allocates its result buffer
  // before calling the compiled code.
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    auto start = std::chrono::steady_clock::now();
    if (program == "sorted_ints") sorted_ints(ints, out);
    else if (pairs) dyck_k(tokens, out, pairs);
    else fn(tokens, out);
    auto stop = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(stop - start).count());
  }

  std::string text = format(out, n);
  if (output_file) {
    FILE *f = std::fopen(output_file, "wb");
    if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f))
      die(std::string("cannot write ") + output_file);
  }
  std::printf("time_ms=%.4f checksum=%016llx n=%zu\n", best, (unsigned long long)fnv1a(text), n);
  return 0;
}
