"""Generated sentences on an SKM result, shared by the LKIP's SKM section and the SKM report."""

from sakip import formatting as fmt
from sakip.calc.skm import HasilSurvei


def kalimat_skm(h: HasilSurvei, realisasi=None) -> list[str]:
    """Generated sentences on an SKM result: index and grade, sample, priorities, the previous
    period, and a recorded realisasi that does not follow from the survey."""
    if not h.nik.dapat_dihitung:
        return ["Hasil survei belum dapat dihitung: belum ada jawaban responden."]
    bobot = f"1/{h.k}" if not h.bobot_dibulatkan else fmt.ringkas(h.bobot)
    responden = f" dari {fmt.jumlah(h.jumlah_responden)} responden" if h.jumlah_responden else ""
    out = [
        f"Nilai IKM unit pelayanan {fmt.angka(h.nik)} (nilai interval {fmt.angka(h.ikm)}, bobot tiap unsur "
        f"{bobot}){responden}: mutu pelayanan {h.mutu.huruf}, kinerja unit pelayanan {h.mutu.kinerja}, menurut "
        f"interval {h.acuan.nama}."
    ]
    if h.sampel:
        cukup = (
            "memenuhi"
            if h.sampel.cukup
            else "belum memenuhi"
            if h.sampel.cukup is False
            else "belum dapat dinilai terhadap"
        )
        out.append(
            f"Untuk populasi {fmt.jumlah(h.sampel.populasi)} orang, sampel minimal menurut Krejcie–Morgan "
            f"{fmt.jumlah(h.sampel.minimal)} responden; jumlah responden {cukup} ukuran sampel tersebut."
        )
    if h.prioritas:
        nama = ", ".join(f"{u.nama} ({fmt.angka(u.nik)})" for u in h.prioritas)
        out.append(
            f"Rata-rata skor unsur {fmt.angka(h.rerata)}. Unsur dengan skor di bawah rata-rata, yang menjadi prioritas "
            f"perbaikan: {nama}."
        )
    else:
        out.append(f"Rata-rata skor unsur {fmt.angka(h.rerata)}; tidak ada unsur di bawah rata-rata.")
    out += h.catatan
    p = h.perbandingan
    if p and p.arah:
        gerak = "tidak berubah" if p.arah == "tetap" else f"{p.arah} {fmt.angka(abs(p.selisih.nilai))} poin"
        out.append(f"Dibanding survei {p.periode} ({fmt.angka(p.nik_lalu)}), nilai IKM {gerak}.")
    if realisasi is not None and realisasi.nilai is not None and fmt.angka(realisasi.nilai) != fmt.angka(h.nik):
        out.append(
            f"Realisasi indikator yang tercatat, {fmt.nilai(realisasi.nilai, mutu=realisasi.mutu)}, tidak sama dengan "
            f"hasil perhitungan survei, {fmt.nilai(h.nik.dibulatkan, mutu=h.mutu.huruf)}."
        )
    return out
