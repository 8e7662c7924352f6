/**
 * The fixed "world" of the course: supermarket branches in Indonesian cities, the products
 * they sell and the names of their members. Prices are in thousands of rupiah (ribu Rupiah):
 * 72.50 means Rp72.500, which keeps two meaningful decimals as in most sales exports.
 */

export interface Branch {
  branch_id: string;
  branch_name: string;
  city: string;
  province: string;
  region: string;
  opened_date: string;
  floor_area_m2: number;
  /** Relative share of transactions (bigger stores sell more). */
  weight: number;
}

export const BRANCHES: readonly Branch[] = [
  { branch_id: "JKT-01", branch_name: "Pijar Mart Kemang", city: "Jakarta", province: "DKI Jakarta", region: "Jawa", opened_date: "2015-03-02", floor_area_m2: 1800, weight: 14 },
  { branch_id: "JKT-02", branch_name: "Pijar Mart Kelapa Gading", city: "Jakarta", province: "DKI Jakarta", region: "Jawa", opened_date: "2017-08-17", floor_area_m2: 2200, weight: 15 },
  { branch_id: "BDG-01", branch_name: "Pijar Mart Dago", city: "Bandung", province: "Jawa Barat", region: "Jawa", opened_date: "2016-05-20", floor_area_m2: 1500, weight: 10 },
  { branch_id: "BDG-02", branch_name: "Pijar Mart Buah Batu", city: "Bandung", province: "Jawa Barat", region: "Jawa", opened_date: "2019-11-09", floor_area_m2: 1100, weight: 7 },
  { branch_id: "SBY-01", branch_name: "Pijar Mart Tunjungan", city: "Surabaya", province: "Jawa Timur", region: "Jawa", opened_date: "2016-01-15", floor_area_m2: 1900, weight: 11 },
  { branch_id: "SBY-02", branch_name: "Pijar Mart Rungkut", city: "Surabaya", province: "Jawa Timur", region: "Jawa", opened_date: "2020-02-01", floor_area_m2: 1000, weight: 6 },
  { branch_id: "SMG-01", branch_name: "Pijar Mart Simpang Lima", city: "Semarang", province: "Jawa Tengah", region: "Jawa", opened_date: "2018-04-12", floor_area_m2: 1300, weight: 7 },
  { branch_id: "YOG-01", branch_name: "Pijar Mart Malioboro", city: "Yogyakarta", province: "DI Yogyakarta", region: "Jawa", opened_date: "2018-09-01", floor_area_m2: 1200, weight: 7 },
  { branch_id: "MDN-01", branch_name: "Pijar Mart Merdeka", city: "Medan", province: "Sumatera Utara", region: "Sumatera", opened_date: "2017-06-10", floor_area_m2: 1600, weight: 8 },
  { branch_id: "PLG-01", branch_name: "Pijar Mart Ampera", city: "Palembang", province: "Sumatera Selatan", region: "Sumatera", opened_date: "2021-03-27", floor_area_m2: 900, weight: 4 },
  { branch_id: "MKS-01", branch_name: "Pijar Mart Panakkukang", city: "Makassar", province: "Sulawesi Selatan", region: "Sulawesi", opened_date: "2019-07-04", floor_area_m2: 1400, weight: 6 },
  { branch_id: "DPS-01", branch_name: "Pijar Mart Renon", city: "Denpasar", province: "Bali", region: "Bali & Nusa Tenggara", opened_date: "2020-10-10", floor_area_m2: 1000, weight: 5 },
];

export interface Product {
  product_id: string;
  product_name: string;
  category: string;
  /** Shelf price, thousands of rupiah. */
  unit_price: number;
  /** What the store pays the supplier, thousands of rupiah. */
  unit_cost: number;
  supplier: string;
  /** Typical quantity per basket: 1..max. */
  max_qty: number;
  weight: number;
}

function p(product_id: string, product_name: string, category: string, unit_price: number, margin: number, supplier: string, max_qty: number, weight: number): Product {
  return { product_id, product_name, category, unit_price, unit_cost: Math.round(unit_price * (1 - margin) * 100) / 100, supplier, max_qty, weight };
}

/** Categories (Indonesian -> English): Sembako = staples, Minuman = drinks, Makanan Ringan =
 * snacks, Produk Segar = fresh produce, Perawatan Diri = personal care, Kebersihan Rumah =
 * household cleaning, Perlengkapan Bayi = baby care. */
export const PRODUCTS: readonly Product[] = [
  p("SBK-001", "Beras Premium 5 kg", "Sembako", 72.5, 0.08, "PT Padi Nusantara", 2, 9),
  p("SBK-002", "Minyak Goreng 2 L", "Sembako", 36.9, 0.09, "PT Sawit Jaya", 3, 9),
  p("SBK-003", "Gula Pasir 1 kg", "Sembako", 17.5, 0.1, "PT Manis Abadi", 4, 8),
  p("SBK-004", "Tepung Terigu 1 kg", "Sembako", 13.2, 0.12, "PT Gandum Sentosa", 3, 5),
  p("SBK-005", "Mi Instan Goreng (5 bks)", "Sembako", 15.75, 0.14, "PT Mie Sedap Rasa", 6, 10),
  p("SBK-006", "Kecap Manis 520 ml", "Sembako", 24.3, 0.15, "CV Kedelai Hitam", 2, 5),
  p("MNM-001", "Air Mineral 600 ml", "Minuman", 3.8, 0.3, "PT Tirta Pegunungan", 12, 9),
  p("MNM-002", "Teh Melati Botol 350 ml", "Minuman", 4.5, 0.28, "PT Teh Wangi", 10, 8),
  p("MNM-003", "Kopi Bubuk 165 g", "Minuman", 14.9, 0.18, "CV Kopi Toraja", 3, 6),
  p("MNM-004", "Susu UHT Cokelat 1 L", "Minuman", 19.5, 0.16, "PT Susu Segar", 4, 6),
  p("MNM-005", "Jus Jeruk 1 L", "Minuman", 22.9, 0.22, "PT Buah Tropis", 3, 3),
  p("MKR-001", "Keripik Singkong Balado", "Makanan Ringan", 11.5, 0.25, "UMKM Rasa Padang", 5, 6),
  p("MKR-002", "Kerupuk Udang 250 g", "Makanan Ringan", 18.75, 0.24, "UMKM Sidoarjo", 3, 5),
  p("MKR-003", "Biskuit Kelapa", "Makanan Ringan", 9.9, 0.27, "PT Roti Nusantara", 5, 6),
  p("MKR-004", "Cokelat Batang 62 g", "Makanan Ringan", 12.25, 0.3, "PT Kakao Sulawesi", 4, 4),
  p("SGR-001", "Telur Ayam 1 kg", "Produk Segar", 29.5, 0.1, "Peternakan Blitar", 2, 8),
  p("SGR-002", "Tempe 500 g", "Produk Segar", 8.5, 0.2, "UMKM Tempe Malang", 3, 6),
  p("SGR-003", "Tahu Putih (10 pcs)", "Produk Segar", 7.25, 0.22, "UMKM Tahu Sumedang", 3, 5),
  p("SGR-004", "Bawang Merah 250 g", "Produk Segar", 12.8, 0.18, "Tani Brebes", 3, 5),
  p("SGR-005", "Cabai Rawit 100 g", "Produk Segar", 6.4, 0.2, "Tani Garut", 4, 5),
  p("SGR-006", "Daging Ayam 1 kg", "Produk Segar", 38.9, 0.12, "Peternakan Bogor", 2, 6),
  p("PRD-001", "Sabun Mandi Cair 450 ml", "Perawatan Diri", 26.5, 0.2, "PT Wangi Sejati", 2, 5),
  p("PRD-002", "Sampo 170 ml", "Perawatan Diri", 21.9, 0.22, "PT Rambut Indah", 2, 5),
  p("PRD-003", "Pasta Gigi 190 g", "Perawatan Diri", 15.6, 0.21, "PT Senyum Sehat", 3, 5),
  p("PRD-004", "Minyak Kayu Putih 60 ml", "Perawatan Diri", 23.4, 0.19, "PT Kayu Putih Buru", 2, 3),
  p("KBR-001", "Deterjen Bubuk 1,8 kg", "Kebersihan Rumah", 42.9, 0.15, "PT Bersih Cemerlang", 2, 5),
  p("KBR-002", "Sabun Cuci Piring 780 ml", "Kebersihan Rumah", 16.8, 0.2, "PT Bersih Cemerlang", 3, 5),
  p("KBR-003", "Pembersih Lantai 800 ml", "Kebersihan Rumah", 19.9, 0.21, "PT Lantai Kilap", 2, 3),
  p("BAY-001", "Popok Bayi M (34 pcs)", "Perlengkapan Bayi", 89.9, 0.13, "PT Bayi Ceria", 2, 3),
  p("BAY-002", "Bubur Bayi Instan 120 g", "Perlengkapan Bayi", 21.25, 0.17, "PT Bayi Ceria", 3, 2),
];

export const PAYMENTS = ["Tunai", "QRIS", "Kartu Debit", "Kartu Kredit", "E-Wallet"] as const;
export const PAYMENT_WEIGHTS = [30, 28, 18, 9, 15];

export const FIRST_NAMES_F = ["Siti", "Dewi", "Putri", "Ayu", "Rina", "Fitri", "Nur", "Wulan", "Intan", "Maya", "Ratna", "Sri", "Lestari", "Anisa", "Indah"];
export const FIRST_NAMES_M = ["Budi", "Agus", "Andi", "Rizky", "Dedi", "Eko", "Hendra", "Joko", "Fajar", "Yusuf", "Bayu", "Arif", "Wahyu", "Made", "Taufik"];
export const LAST_NAMES = ["Santoso", "Wijaya", "Saputra", "Rahayu", "Pratama", "Kusuma", "Hidayat", "Siregar", "Nasution", "Lubis", "Harahap", "Simanjuntak", "Gunawan", "Setiawan", "Putra", "Sari", "Wibowo", "Hakim", "Daeng", "Suryadi"];
export const INTERESTS = ["masak", "kopi", "olahraga", "bayi", "kecantikan", "camilan", "kesehatan", "hemat", "teh", "berkebun"];

/** Postal code prefixes per city, for the nested address of customers. */
export const POSTAL_PREFIX: Record<string, string> = {
  Jakarta: "12", Bandung: "40", Surabaya: "60", Semarang: "50", Yogyakarta: "55", Medan: "20", Palembang: "30", Makassar: "90", Denpasar: "80",
};

/** Indonesia's VAT (PPN) rate applied to every sale. */
export const TAX_RATE = 0.11;
