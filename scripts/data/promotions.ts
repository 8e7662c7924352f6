/**
 * Promotions of the first semester 2024: the multi-line JSON lesson (one JSON array spread
 * over many lines, with a nested period and an array of branches).
 */
export const PROMOTIONS = [
  { promo_id: "PR-2401", name: "Gajian Hemat Januari", category: "Sembako", discount_pct: 10, period: { start: "2024-01-25", end: "2024-01-31" }, branches: ["JKT-01", "JKT-02", "BDG-01", "SBY-01"], members_only: false },
  { promo_id: "PR-2402", name: "Imlek Manis", category: "Makanan Ringan", discount_pct: 15, period: { start: "2024-02-05", end: "2024-02-11" }, branches: ["JKT-02", "MDN-01", "SBY-01", "PLG-01"], members_only: false },
  { promo_id: "PR-2403", name: "Ramadan Berkah", category: "Sembako", discount_pct: 12, period: { start: "2024-03-11", end: "2024-04-09" }, branches: ["JKT-01", "JKT-02", "BDG-01", "BDG-02", "SBY-01", "SBY-02", "SMG-01", "YOG-01", "MDN-01", "PLG-01", "MKS-01", "DPS-01"], members_only: false },
  { promo_id: "PR-2404", name: "Mudik Segar", category: "Minuman", discount_pct: 20, period: { start: "2024-04-01", end: "2024-04-14" }, branches: ["SMG-01", "YOG-01", "SBY-02"], members_only: true },
  { promo_id: "PR-2405", name: "Bersih-Bersih Rumah", category: "Kebersihan Rumah", discount_pct: 25, period: { start: "2024-05-01", end: "2024-05-15" }, branches: ["BDG-02", "MKS-01", "DPS-01"], members_only: true },
  { promo_id: "PR-2406", name: "Si Kecil Sehat", category: "Perlengkapan Bayi", discount_pct: 8, period: { start: "2024-06-01", end: "2024-06-30" }, branches: [], members_only: true },
];
