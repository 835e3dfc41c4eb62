<CsoundSynthesizer>
; csound-plugins linear algebra (liblinear_algebra natively, gmm++): a 4x4 system whose matrix changes every
; k-cycle, solved by inversion and by LU factorisation; its determinant, norms, trace and the eigenvalues of a
; symmetric matrix drive the sound.
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 8000
ksmps = 16
nchnls = 2
0dbfs = 1

instr 1
  imr    la_i_mr_create 4, 4
  iinv   la_i_mr_create 4, 4
  ilu    la_i_mr_create 4, 4
  isym   la_i_mr_create 4, 4
  iprod  la_i_mr_create 4, 4
  ib     la_i_vr_create 4
  ix     la_i_vr_create 4
  ix2    la_i_vr_create 4
  ieig   la_i_vr_create 4
  ipiv   la_i_vr_create 4
  kt     init 0
  kt     += 1
  ; a diagonally dominant matrix with slowly moving off-diagonal terms
  krow = 0
  while krow < 4 do
    kcol = 0
    while kcol < 4 do
      kval = (krow == kcol ? 5 + krow : sin(kt * 0.01 * (krow + 1) + kcol) * 0.8)
      imr la_k_mr_set krow, kcol, kval
      isym la_k_mr_set krow, kcol, kval
      isym la_k_mr_set kcol, krow, kval
      kcol += 1
    od
    ib la_k_vr_set krow, cos(kt * 0.003 * (krow + 2))
    krow += 1
  od
  iinv, kcond la_k_invert_mr imr
  ix     la_k_dot_mr_vr iinv, ib
  iprod  la_k_multiply_mr imr, imr
  kdet   la_k_lu_det_mr imr
  ktr    la_k_trace_mr iprod
  knorm  la_k_norm_euclid_vr ix
  keig   init 0
  ieig, isym la_k_qr_sym_eigen_mr isym, 1e-9
  keig   la_k_get_vr ieig, 0
  k0     la_k_get_vr ix, 0
  k1     la_k_get_vr ix, 1
  a1     oscili 0.2, 200 + 100 * k0
  a2     oscili 0.2, 300 + 20 * keig
  outs   a1 + 0.001 * kdet, a2 + 0.01 * knorm + 0.0001 * ktr + 0.05 * k1 + 0.001 * kcond
endin
</CsInstruments>
<CsScore>
i1 0 2
e
</CsScore>
</CsoundSynthesizer>
