;; The engine's one WebAssembly kernel: a float64 matrix product with SIMD (f64x2), for large products only.
;; Compiled by scripts/build-wasm.mjs (wabt) into lib/tensor/gemm-wasm.ts; lib/tensor/wasm-gemm.ts copies the
;; operands in, calls `gemm` and copies the result out. The TypeScript loops in matmul.ts and affine.ts stay the
;; reference: for finite inputs this kernel adds the same products in the same order, so it returns the same numbers.
;;
;;   C[i, j] = bias[i] + Σ_k A[i, k]·B[k, j]      (k in increasing order, one multiply then one add per term)
;;
;; Layout, all byte offsets into the exported memory, every size padded to a multiple of 4 by the caller:
;;   A     [n4, K] row-major (rows past n are zeros)
;;   Bp    B packed in panels of 4 columns: panel q holds B[k, 4q..4q+3] at Bp + (q·K + k)·32, so a tile reads
;;         its 4 columns of row k as two contiguous f64x2 (columns past p are zeros)
;;   bias  [n4]
;;   C     [n4, p4] row-major
;; A tile is 4 rows × 4 columns held in 8 f64x2 accumulators across the whole sum over k.
(module
  (memory (export "memory") 1)
  (func (export "gemm") (param $a i32) (param $bp i32) (param $bias i32) (param $c i32)
                        (param $n4 i32) (param $K i32) (param $p4 i32)
    (local $i i32) (local $q i32) (local $panels i32) (local $rowA i32) (local $rowC i32)
    (local $pa0 i32) (local $pa1 i32) (local $pa2 i32) (local $pa3 i32) (local $pb i32) (local $end i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $panels (i32.shr_u (local.get $p4) (i32.const 2)))
    ;; rowA, rowC: bytes per row of A and of C
    (local.set $rowA (i32.shl (local.get $K) (i32.const 3)))
    (local.set $rowC (i32.shl (local.get $p4) (i32.const 3)))
    (local.set $i (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $i) (local.get $n4)))
        (local.set $q (i32.const 0))
        (block $panels_done
          (loop $panel
            (br_if $panels_done (i32.ge_u (local.get $q) (local.get $panels)))
            ;; every accumulator starts at its row's bias, as affineInto's rows do
            (local.set $c00 (v128.load64_splat (i32.add (local.get $bias) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $c01 (local.get $c00))
            (local.set $c10 (v128.load64_splat offset=8 (i32.add (local.get $bias) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $c11 (local.get $c10))
            (local.set $c20 (v128.load64_splat offset=16 (i32.add (local.get $bias) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $c21 (local.get $c20))
            (local.set $c30 (v128.load64_splat offset=24 (i32.add (local.get $bias) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $c31 (local.get $c30))
            (local.set $pa0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rowA))))
            (local.set $pa1 (i32.add (local.get $pa0) (local.get $rowA)))
            (local.set $pa2 (i32.add (local.get $pa1) (local.get $rowA)))
            (local.set $pa3 (i32.add (local.get $pa2) (local.get $rowA)))
            ;; panel q starts at Bp + q·K·32 and is K·32 bytes long
            (local.set $pb (i32.add (local.get $bp) (i32.mul (local.get $q) (i32.shl (local.get $K) (i32.const 5)))))
            (local.set $end (i32.add (local.get $pb) (i32.shl (local.get $K) (i32.const 5))))
            (block $k_done
              (loop $k
                (br_if $k_done (i32.ge_u (local.get $pb) (local.get $end)))
                (local.set $b0 (v128.load (local.get $pb)))
                (local.set $b1 (v128.load offset=16 (local.get $pb)))
                (local.set $x (v128.load64_splat (local.get $pa0)))
                (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $x (v128.load64_splat (local.get $pa1)))
                (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $x (v128.load64_splat (local.get $pa2)))
                (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $x (v128.load64_splat (local.get $pa3)))
                (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
                (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
                (local.set $pa0 (i32.add (local.get $pa0) (i32.const 8)))
                (local.set $pa1 (i32.add (local.get $pa1) (i32.const 8)))
                (local.set $pa2 (i32.add (local.get $pa2) (i32.const 8)))
                (local.set $pa3 (i32.add (local.get $pa3) (i32.const 8)))
                (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
                (br $k)))
            ;; store the tile: C[i + r, 4q .. 4q + 3]
            (local.set $pb (i32.add (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $rowC))) (i32.shl (local.get $q) (i32.const 5))))
            (v128.store (local.get $pb) (local.get $c00))
            (v128.store offset=16 (local.get $pb) (local.get $c01))
            (local.set $pb (i32.add (local.get $pb) (local.get $rowC)))
            (v128.store (local.get $pb) (local.get $c10))
            (v128.store offset=16 (local.get $pb) (local.get $c11))
            (local.set $pb (i32.add (local.get $pb) (local.get $rowC)))
            (v128.store (local.get $pb) (local.get $c20))
            (v128.store offset=16 (local.get $pb) (local.get $c21))
            (local.set $pb (i32.add (local.get $pb) (local.get $rowC)))
            (v128.store (local.get $pb) (local.get $c30))
            (v128.store offset=16 (local.get $pb) (local.get $c31))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $panel)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))))
