/**
 * Loyalty-card members: the customers.jsonl data set (a nested address and an array of
 * interests), also used by the sales generator so member sales point at real customers.
 */
import { Prng } from "./prng.js";
import { BRANCHES, FIRST_NAMES_F, FIRST_NAMES_M, INTERESTS, LAST_NAMES, POSTAL_PREFIX } from "./catalog.js";

export interface Customer {
  customer_id: string;
  name: string;
  gender: "F" | "M";
  birth_year: number | null;
  address: { street: string; city: string; province: string; postal_code: string };
  member_since: string;
  interests: string[];
}

const STREETS = ["Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro", "Jl. Gajah Mada", "Jl. Ahmad Yani", "Jl. Pemuda", "Jl. Veteran", "Jl. Pahlawan", "Jl. Melati", "Jl. Kenanga"];

export function makeCustomers(seed: number, count: number): Customer[] {
  const prng = new Prng(seed);
  const out: Customer[] = [];
  for (let i = 1; i <= count; i++) {
    const gender = prng.chance(0.58) ? "F" : "M";
    const first = prng.pick(gender === "F" ? FIRST_NAMES_F : FIRST_NAMES_M);
    const branch = prng.pick(BRANCHES);
    const year = prng.int(2015, 2023);
    const since = `${year}-${String(prng.int(1, 12)).padStart(2, "0")}-${String(prng.int(1, 28)).padStart(2, "0")}`;
    out.push({
      customer_id: `C${String(i).padStart(4, "0")}`,
      name: `${first} ${prng.pick(LAST_NAMES)}`,
      gender,
      // A few members never filled in their birth year.
      birth_year: prng.chance(0.04) ? null : prng.int(1955, 2004),
      address: {
        street: `${prng.pick(STREETS)} No. ${prng.int(1, 200)}`,
        city: branch.city,
        province: branch.province,
        postal_code: `${POSTAL_PREFIX[branch.city] ?? "10"}${String(prng.int(100, 999))}`,
      },
      member_since: since,
      interests: prng.sample(INTERESTS, prng.int(0, 3)).sort(),
    });
  }
  return out;
}
