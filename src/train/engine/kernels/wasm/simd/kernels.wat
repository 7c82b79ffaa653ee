;; The studio's SIMD kernels for the WASM backend (kernels/wasm/simd/index.ts loads them). They run on
;; tfjs-backend-wasm's own memory (imported), so tensors are read and written where they lie. Pointers are
;; byte offsets into that memory; every float32 operation rounds as tfjs' kernels do, so results equal theirs.
;; `npm run build:wasm-kernels` compiles this file to binary.ts (a plain and a shared-memory build); a test
;; checks that binary.ts is this file compiled.
(module
  (import "env" "memory" (memory 1 MEMORY_LIMITS))

  ;; The gradient of bias + ReLU: dz = dy where y > 0 else 0, and db[c] += dz[r, c] row by row (db is zeroed
  ;; by the caller), the order of tfjs' Sum. C is a multiple of 4.
  (func (export "reluBiasGrad")
    (param $dy i32) (param $y i32) (param $dz i32) (param $db i32) (param $rows i32) (param $C i32)
    (local $end i32) (local $rowBytes i32) (local $rowEnd i32) (local $off i32) (local $c i32)
    (local $z v128) (local $bp i32)
    (local.set $rowBytes (i32.shl (local.get $C) (i32.const 2)))
    (local.set $end (i32.mul (local.get $rows) (local.get $rowBytes)))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $off) (local.get $end)))
        (local.set $rowEnd (i32.add (local.get $off) (local.get $rowBytes)))
        (local.set $c (i32.const 0))
        (loop $lanes
          (local.set $z
            (v128.and
              (v128.load (i32.add (local.get $dy) (local.get $off)))
              (f32x4.gt (v128.load (i32.add (local.get $y) (local.get $off))) (v128.const f32x4 0 0 0 0))))
          (v128.store (i32.add (local.get $dz) (local.get $off)) (local.get $z))
          (local.set $bp (i32.add (local.get $db) (local.get $c)))
          (v128.store (local.get $bp) (f32x4.add (v128.load (local.get $bp)) (local.get $z)))
          (local.set $off (i32.add (local.get $off) (i32.const 16)))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br_if $lanes (i32.lt_u (local.get $off) (local.get $rowEnd))))
        (br $row))))

  ;; out[c] += x[r, c] over rows r in order (out zeroed by the caller): a sum over leading axes, in the order of
  ;; tfjs' Sum. C is a multiple of 4.
  (func (export "sumRows")
    (param $x i32) (param $out i32) (param $rows i32) (param $C i32)
    (local $end i32) (local $rowBytes i32) (local $rowEnd i32) (local $off i32) (local $c i32) (local $bp i32)
    (local.set $rowBytes (i32.shl (local.get $C) (i32.const 2)))
    (local.set $end (i32.mul (local.get $rows) (local.get $rowBytes)))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $off) (local.get $end)))
        (local.set $rowEnd (i32.add (local.get $off) (local.get $rowBytes)))
        (local.set $c (i32.const 0))
        (loop $lanes
          (local.set $bp (i32.add (local.get $out) (local.get $c)))
          (v128.store (local.get $bp)
            (f32x4.add (v128.load (local.get $bp)) (v128.load (i32.add (local.get $x) (local.get $off)))))
          (local.set $off (i32.add (local.get $off) (i32.const 16)))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br_if $lanes (i32.lt_u (local.get $off) (local.get $rowEnd))))
        (br $row))))

  ;; MaxPoolGrad of a 2×2, stride-2, unpadded pool (NHWC, C a multiple of 4): each window's dy goes to its first
  ;; value (scan order) equal to the pooled maximum y, and its other three values get 0. Rows and columns past
  ;; the last window are left to the caller. Returns how many window lanes had no value equal to y (a NaN):
  ;; the caller then computes those by comparison.
  (func (export "maxPoolGrad2x2")
    (param $x i32) (param $y i32) (param $g i32) (param $dx i32)
    (param $N i32) (param $H i32) (param $W i32) (param $C i32) (param $OH i32) (param $OW i32) (result i32)
    (local $cb i32) (local $row i32) (local $image i32) (local $n i32) (local $oh i32) (local $ow i32)
    (local $q i32) (local $c i32) (local $o i32) (local $misses i32)
    (local $t v128) (local $d v128) (local $ea v128) (local $eb v128) (local $ee v128) (local $ef v128)
    (local $taken v128) (local $p i32)
    (local.set $cb (i32.shl (local.get $C) (i32.const 2)))
    (local.set $row (i32.mul (local.get $W) (local.get $cb)))
    (local.set $image (i32.mul (local.get $H) (local.get $row)))
    (block $nDone
      (loop $nLoop
        (br_if $nDone (i32.ge_u (local.get $n) (local.get $N)))
        (local.set $oh (i32.const 0))
        (block $ohDone
          (loop $ohLoop
            (br_if $ohDone (i32.ge_u (local.get $oh) (local.get $OH)))
            (local.set $q
              (i32.add (i32.mul (local.get $n) (local.get $image))
                       (i32.mul (i32.shl (local.get $oh) (i32.const 1)) (local.get $row))))
            (local.set $ow (i32.const 0))
            (block $owDone
              (loop $owLoop
                (br_if $owDone (i32.ge_u (local.get $ow) (local.get $OW)))
                (local.set $c (i32.const 0))
                (loop $lanes
                  (local.set $t (v128.load (i32.add (local.get $y) (local.get $o))))
                  (local.set $d (v128.load (i32.add (local.get $g) (local.get $o))))
                  (local.set $p (i32.add (local.get $q) (local.get $c)))
                  (local.set $ea (f32x4.eq (v128.load (i32.add (local.get $x) (local.get $p))) (local.get $t)))
                  (local.set $eb
                    (v128.andnot
                      (f32x4.eq
                        (v128.load (i32.add (local.get $x) (i32.add (local.get $p) (local.get $cb))))
                        (local.get $t))
                      (local.get $ea)))
                  (local.set $taken (v128.or (local.get $ea) (local.get $eb)))
                  (local.set $ee
                    (v128.andnot
                      (f32x4.eq
                        (v128.load (i32.add (local.get $x) (i32.add (local.get $p) (local.get $row))))
                        (local.get $t))
                      (local.get $taken)))
                  (local.set $taken (v128.or (local.get $taken) (local.get $ee)))
                  (local.set $ef
                    (v128.andnot
                      (f32x4.eq
                        (v128.load
                          (i32.add (local.get $x)
                                   (i32.add (local.get $p) (i32.add (local.get $row) (local.get $cb)))))
                        (local.get $t))
                      (local.get $taken)))
                  (local.set $taken (v128.or (local.get $taken) (local.get $ef)))
                  (local.set $misses
                    (i32.add (local.get $misses)
                             (i32.popcnt (i32x4.bitmask (v128.not (local.get $taken))))))
                  (v128.store (i32.add (local.get $dx) (local.get $p)) (v128.and (local.get $d) (local.get $ea)))
                  (v128.store (i32.add (local.get $dx) (i32.add (local.get $p) (local.get $cb)))
                    (v128.and (local.get $d) (local.get $eb)))
                  (v128.store (i32.add (local.get $dx) (i32.add (local.get $p) (local.get $row)))
                    (v128.and (local.get $d) (local.get $ee)))
                  (v128.store
                    (i32.add (local.get $dx) (i32.add (local.get $p) (i32.add (local.get $row) (local.get $cb))))
                    (v128.and (local.get $d) (local.get $ef)))
                  (local.set $o (i32.add (local.get $o) (i32.const 16)))
                  (local.set $c (i32.add (local.get $c) (i32.const 16)))
                  (br_if $lanes (i32.lt_u (local.get $c) (local.get $cb))))
                (local.set $q (i32.add (local.get $q) (i32.shl (local.get $cb) (i32.const 1))))
                (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
                (br $owLoop)))
            (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
            (br $ohLoop)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nLoop)))
    (local.get $misses))

  ;; im2col of an NHWC input for output positions m0..m1 (m = (b·OH + oh)·OW + ow; j = m − m0), tap
  ;; k = (kh·fw + kw)·C + ci holding the input value that filter tap met (0 in the padding): at out[j, k], or at
  ;; out[k, j] when $transposed is 1. The operands of a filter gradient dW[k, co] = Σ_m im2col[m, k] · dy[m, co].
  ;; Any stride, dilation and padding.
  (func (export "im2col")
    (param $x i32) (param $out i32) (param $H i32) (param $W i32) (param $C i32) (param $OH i32) (param $OW i32)
    (param $fh i32) (param $fw i32) (param $sh i32) (param $sw i32) (param $dh i32) (param $dw i32)
    (param $top i32) (param $left i32) (param $m0 i32) (param $m1 i32) (param $transposed i32)
    (local $k i32) (local $K i32) (local $rows i32) (local $kStep i32) (local $jStep i32) (local $kh i32) (local $kw i32) (local $ci i32) (local $m i32) (local $b i32) (local $oh i32) (local $ow i32)
    (local $ih i32) (local $iw i32) (local $o i32) (local $hw i32)
    (local.set $hw (i32.mul (local.get $OH) (local.get $OW)))
    (local.set $K (i32.mul (i32.mul (local.get $fh) (local.get $fw)) (local.get $C)))
    (local.set $rows (i32.sub (local.get $m1) (local.get $m0)))
    ;; Element strides of the output between taps and between positions.
    (local.set $kStep (select (local.get $rows) (i32.const 1) (local.get $transposed)))
    (local.set $jStep (select (i32.const 1) (local.get $K) (local.get $transposed)))
    (block $khDone
      (loop $khLoop
        (br_if $khDone (i32.ge_u (local.get $kh) (local.get $fh)))
        (local.set $kw (i32.const 0))
        (block $kwDone
          (loop $kwLoop
            (br_if $kwDone (i32.ge_u (local.get $kw) (local.get $fw)))
            (local.set $ci (i32.const 0))
            (block $ciDone
              (loop $ciLoop
                (br_if $ciDone (i32.ge_u (local.get $ci) (local.get $C)))
                ;; Every m for this tap and channel.
                (local.set $o (i32.mul (local.get $k) (local.get $kStep)))
                (local.set $m (local.get $m0))
                (local.set $b (i32.div_u (local.get $m0) (local.get $hw)))
                (local.set $oh (i32.rem_u (i32.div_u (local.get $m0) (local.get $OW)) (local.get $OH)))
                (local.set $ow (i32.rem_u (local.get $m0) (local.get $OW)))
                (block $mDone
                  (loop $mLoop
                    (br_if $mDone (i32.ge_u (local.get $m) (local.get $m1)))
                    (local.set $ih
                      (i32.sub
                        (i32.add (i32.mul (local.get $oh) (local.get $sh)) (i32.mul (local.get $kh) (local.get $dh)))
                        (local.get $top)))
                    (local.set $iw
                      (i32.sub
                        (i32.add (i32.mul (local.get $ow) (local.get $sw)) (i32.mul (local.get $kw) (local.get $dw)))
                        (local.get $left)))
                    (f32.store (i32.add (local.get $out) (i32.shl (local.get $o) (i32.const 2)))
                      (if (result f32)
                        (i32.and
                          (i32.lt_u (local.get $ih) (local.get $H))
                          (i32.lt_u (local.get $iw) (local.get $W)))
                        (then
                          (f32.load
                            (i32.add (local.get $x)
                              (i32.shl
                                (i32.add
                                  (i32.mul
                                    (i32.add
                                      (i32.mul (i32.add (i32.mul (local.get $b) (local.get $H)) (local.get $ih))
                                               (local.get $W))
                                      (local.get $iw))
                                    (local.get $C))
                                  (local.get $ci))
                                (i32.const 2)))))
                        (else (f32.const 0))))
                    (local.set $o (i32.add (local.get $o) (local.get $jStep)))
                    (local.set $m (i32.add (local.get $m) (i32.const 1)))
                    ;; The next (b, oh, ow).
                    (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
                    (if (i32.eq (local.get $ow) (local.get $OW))
                      (then
                        (local.set $ow (i32.const 0))
                        (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
                        (if (i32.eq (local.get $oh) (local.get $OH))
                          (then
                            (local.set $oh (i32.const 0))
                            (local.set $b (i32.add (local.get $b) (i32.const 1)))))))
                    (br $mLoop)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
                (br $ciLoop)))
            (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
            (br $kwLoop)))
        (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
        (br $khLoop))))

  ;; A filter gradient's product, dW[k, c] += Σ_m col[m, k] · dy[m, c] over rows m (col: im2col, [rows × K];
  ;; dy: [rows × co], co a multiple of 4), without XNNPACK: its matrix product re-packs an operand on every call,
  ;; and packing a fresh operand cost several times the product. Blocks of 256 rows stay in cache while each tap
  ;; k runs over them with 32 output channels in 8 registers (then 4 at a time); the caller zeroes dW.
  (func (export "filterGrad")
    (param $col i32) (param $dy i32) (param $dw i32) (param $rows i32) (param $K i32) (param $co i32)
    (local $m0 i32) (local $mEnd i32) (local $k i32) (local $c i32) (local $m i32)
    (local $pc i32) (local $pd i32) (local $out i32) (local $colStride i32) (local $dyStride i32)
    (local $s v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $colStride (i32.shl (local.get $K) (i32.const 2)))
    (local.set $dyStride (i32.shl (local.get $co) (i32.const 2)))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $m0) (local.get $rows)))
        (local.set $mEnd (i32.add (local.get $m0) (i32.const 256)))
        (if (i32.gt_u (local.get $mEnd) (local.get $rows)) (then (local.set $mEnd (local.get $rows))))
        (local.set $k (i32.const 0))
        (block $tapsDone
          (loop $taps
            (br_if $tapsDone (i32.ge_u (local.get $k) (local.get $K)))
            (local.set $c (i32.const 0))
            ;; 32 channels at a time.
            (block $wideDone
              (loop $wide
                (br_if $wideDone (i32.gt_u (i32.add (local.get $c) (i32.const 32)) (local.get $co)))
          (local.set $a0 (v128.const i32x4 0 0 0 0))
          (local.set $a1 (v128.const i32x4 0 0 0 0))
          (local.set $a2 (v128.const i32x4 0 0 0 0))
          (local.set $a3 (v128.const i32x4 0 0 0 0))
          (local.set $a4 (v128.const i32x4 0 0 0 0))
          (local.set $a5 (v128.const i32x4 0 0 0 0))
          (local.set $a6 (v128.const i32x4 0 0 0 0))
          (local.set $a7 (v128.const i32x4 0 0 0 0))
                (local.set $pc (i32.add (local.get $col)
                  (i32.shl (i32.add (i32.mul (local.get $m0) (local.get $K)) (local.get $k)) (i32.const 2))))
                (local.set $pd (i32.add (local.get $dy)
                  (i32.shl (i32.add (i32.mul (local.get $m0) (local.get $co)) (local.get $c)) (i32.const 2))))
                (local.set $m (local.get $m0))
                (loop $rowsWide
                  (local.set $s (f32x4.splat (f32.load (local.get $pc))))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (v128.load offset=0 (local.get $pd)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (v128.load offset=16 (local.get $pd)))))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $s) (v128.load offset=32 (local.get $pd)))))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $s) (v128.load offset=48 (local.get $pd)))))
            (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $s) (v128.load offset=64 (local.get $pd)))))
            (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $s) (v128.load offset=80 (local.get $pd)))))
            (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (local.get $s) (v128.load offset=96 (local.get $pd)))))
            (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (local.get $s) (v128.load offset=112 (local.get $pd)))))
                  (local.set $pc (i32.add (local.get $pc) (local.get $colStride)))
                  (local.set $pd (i32.add (local.get $pd) (local.get $dyStride)))
                  (local.set $m (i32.add (local.get $m) (i32.const 1)))
                  (br_if $rowsWide (i32.lt_u (local.get $m) (local.get $mEnd))))
                (local.set $out (i32.add (local.get $dw)
                  (i32.shl (i32.add (i32.mul (local.get $k) (local.get $co)) (local.get $c)) (i32.const 2))))
          (v128.store offset=0 (local.get $out) (f32x4.add (v128.load offset=0 (local.get $out)) (local.get $a0)))
          (v128.store offset=16 (local.get $out) (f32x4.add (v128.load offset=16 (local.get $out)) (local.get $a1)))
          (v128.store offset=32 (local.get $out) (f32x4.add (v128.load offset=32 (local.get $out)) (local.get $a2)))
          (v128.store offset=48 (local.get $out) (f32x4.add (v128.load offset=48 (local.get $out)) (local.get $a3)))
          (v128.store offset=64 (local.get $out) (f32x4.add (v128.load offset=64 (local.get $out)) (local.get $a4)))
          (v128.store offset=80 (local.get $out) (f32x4.add (v128.load offset=80 (local.get $out)) (local.get $a5)))
          (v128.store offset=96 (local.get $out) (f32x4.add (v128.load offset=96 (local.get $out)) (local.get $a6)))
          (v128.store offset=112 (local.get $out) (f32x4.add (v128.load offset=112 (local.get $out)) (local.get $a7)))
                (local.set $c (i32.add (local.get $c) (i32.const 32)))
                (br $wide)))
            ;; The rest, 4 channels at a time.
            (block $narrowDone
              (loop $narrow
                (br_if $narrowDone (i32.ge_u (local.get $c) (local.get $co)))
                (local.set $a0 (v128.const i32x4 0 0 0 0))
                (local.set $pc (i32.add (local.get $col)
                  (i32.shl (i32.add (i32.mul (local.get $m0) (local.get $K)) (local.get $k)) (i32.const 2))))
                (local.set $pd (i32.add (local.get $dy)
                  (i32.shl (i32.add (i32.mul (local.get $m0) (local.get $co)) (local.get $c)) (i32.const 2))))
                (local.set $m (local.get $m0))
                (loop $rowsNarrow
                  (local.set $a0 (f32x4.add (local.get $a0)
                    (f32x4.mul (f32x4.splat (f32.load (local.get $pc))) (v128.load (local.get $pd)))))
                  (local.set $pc (i32.add (local.get $pc) (local.get $colStride)))
                  (local.set $pd (i32.add (local.get $pd) (local.get $dyStride)))
                  (local.set $m (i32.add (local.get $m) (i32.const 1)))
                  (br_if $rowsNarrow (i32.lt_u (local.get $m) (local.get $mEnd))))
                (local.set $out (i32.add (local.get $dw)
                  (i32.shl (i32.add (i32.mul (local.get $k) (local.get $co)) (local.get $c)) (i32.const 2))))
                (v128.store (local.get $out) (f32x4.add (v128.load (local.get $out)) (local.get $a0)))
                (local.set $c (i32.add (local.get $c) (i32.const 4)))
                (br $narrow)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $taps)))
        (local.set $m0 (local.get $mEnd))
        (br $blocks))))

  ;; Adam, in tfjs' order: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; value += −lr · (m/(1−β1^t)) /
  ;; (√(v/(1−β2^t)) + ε). `lr` is −lr. Any length: four at a time, then the rest one by one.
  (func (export "adam")
    (param $value i32) (param $m0 i32) (param $v0 i32) (param $g i32)
    (param $out i32) (param $m1 i32) (param $v1 i32) (param $n i32)
    (param $beta1 f32) (param $beta2 f32) (param $omb1 f32) (param $omb2 f32)
    (param $omab1 f32) (param $omab2 f32) (param $eps f32) (param $lr f32)
    (local $i i32) (local $end i32) (local $vecEnd i32)
    (local $gv v128) (local $m v128) (local $v v128)
    (local $B1 v128) (local $B2 v128) (local $OMB1 v128) (local $OMB2 v128)
    (local $OMAB1 v128) (local $OMAB2 v128) (local $EPS v128) (local $LR v128)
    (local $gs f32) (local $ms f32) (local $vs f32)
    (local.set $B1 (f32x4.splat (local.get $beta1)))
    (local.set $B2 (f32x4.splat (local.get $beta2)))
    (local.set $OMB1 (f32x4.splat (local.get $omb1)))
    (local.set $OMB2 (f32x4.splat (local.get $omb2)))
    (local.set $OMAB1 (f32x4.splat (local.get $omab1)))
    (local.set $OMAB2 (f32x4.splat (local.get $omab2)))
    (local.set $EPS (f32x4.splat (local.get $eps)))
    (local.set $LR (f32x4.splat (local.get $lr)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $vecEnd (i32.and (local.get $end) (i32.const -16)))
    (block $vDone
      (loop $vLoop
        (br_if $vDone (i32.ge_u (local.get $i) (local.get $vecEnd)))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $i))))
        (local.set $m
          (f32x4.add
            (f32x4.mul (v128.load (i32.add (local.get $m0) (local.get $i))) (local.get $B1))
            (f32x4.mul (local.get $gv) (local.get $OMB1))))
        (local.set $v
          (f32x4.add
            (f32x4.mul (v128.load (i32.add (local.get $v0) (local.get $i))) (local.get $B2))
            (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (local.get $OMB2))))
        (v128.store (i32.add (local.get $out) (local.get $i))
          (f32x4.add
            (f32x4.mul
              (f32x4.div
                (f32x4.div (local.get $m) (local.get $OMAB1))
                (f32x4.add (f32x4.sqrt (f32x4.div (local.get $v) (local.get $OMAB2))) (local.get $EPS)))
              (local.get $LR))
            (v128.load (i32.add (local.get $value) (local.get $i)))))
        (v128.store (i32.add (local.get $m1) (local.get $i)) (local.get $m))
        (v128.store (i32.add (local.get $v1) (local.get $i)) (local.get $v))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vLoop)))
    (block $sDone
      (loop $sLoop
        (br_if $sDone (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $gs (f32.load (i32.add (local.get $g) (local.get $i))))
        (local.set $ms
          (f32.add
            (f32.mul (f32.load (i32.add (local.get $m0) (local.get $i))) (local.get $beta1))
            (f32.mul (local.get $gs) (local.get $omb1))))
        (local.set $vs
          (f32.add
            (f32.mul (f32.load (i32.add (local.get $v0) (local.get $i))) (local.get $beta2))
            (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $omb2))))
        (f32.store (i32.add (local.get $out) (local.get $i))
          (f32.add
            (f32.mul
              (f32.div
                (f32.div (local.get $ms) (local.get $omab1))
                (f32.add (f32.sqrt (f32.div (local.get $vs) (local.get $omab2))) (local.get $eps)))
              (local.get $lr))
            (f32.load (i32.add (local.get $value) (local.get $i)))))
        (f32.store (i32.add (local.get $m1) (local.get $i)) (local.get $ms))
        (f32.store (i32.add (local.get $v1) (local.get $i)) (local.get $vs))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $sLoop))))
)
