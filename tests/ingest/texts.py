"""Hand-written test prose: Indonesian news (the accepted case), plus English and Malay controls."""

from __future__ import annotations

# Indonesian political news, a few sentences each (well over `IngestLimits.min_text_chars`).
ID_DIPLOMASI = (
    "Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Iran di Jakarta pada Selasa "
    "(12/3/2019) untuk membahas kerja sama ekonomi kedua negara. Dalam pertemuan tersebut, kedua menteri "
    "sepakat meningkatkan volume perdagangan dan mempermudah izin bagi pengusaha. Retno mengatakan "
    'Indonesia mendorong penyelesaian damai atas ketegangan di kawasan Teluk. "Kami berharap semua pihak '
    'menahan diri dan mengutamakan dialog," ujarnya kepada wartawan seusai pertemuan.'
)
ID_PEMILU = (
    "Komisi Pemilihan Umum (KPU) menetapkan hasil rekapitulasi suara Pemilu 2019 pada Selasa dini hari. "
    "Ketua KPU Arief Budiman menyatakan seluruh tahapan berjalan sesuai jadwal meskipun sejumlah daerah "
    "sempat mengalami keterlambatan pengiriman logistik. Badan Pengawas Pemilu menerima puluhan laporan "
    "dugaan pelanggaran yang kini sedang diperiksa. Kedua kubu diminta menghormati proses hukum di "
    "Mahkamah Konstitusi apabila tidak puas dengan hasil penghitungan."
)
ID_BANJIR = (
    "Banjir merendam ratusan rumah warga di Kecamatan Cipinang Melayu, Jakarta Timur, setelah hujan deras "
    "mengguyur ibu kota sejak Minggu malam. Ketinggian air mencapai satu meter di beberapa titik sehingga "
    "warga terpaksa mengungsi ke masjid dan sekolah terdekat. Badan Penanggulangan Bencana Daerah "
    "mengerahkan perahu karet untuk mengevakuasi lansia dan anak-anak. Gubernur meminta warga tetap "
    "waspada karena curah hujan diperkirakan masih tinggi hingga akhir pekan."
)
# Contains characters outside ASCII that cp1252 can encode: smart quotes, an en dash and "é".
ID_CP1252 = (
    "Pemerintah Prancis melalui Kedutaan Besar di Jakarta menyatakan dukungan terhadap program "
    "pendidikan vokasi di Indonesia. Duta Besar menyebut kerja sama itu sebagai “investasi jangka "
    "panjang” bagi kedua negara – terutama di bidang pariwisata dan kuliner. Seorang koki asal Lyon, "
    "René Dupont, akan melatih siswa sekolah menengah kejuruan di Bali selama enam bulan. Program ini "
    "dibiayai bersama oleh kedua pemerintah dan diharapkan diperluas tahun depan."
)
ENGLISH = (
    "The foreign ministers of Indonesia and Iran met in Jakarta on Tuesday to discuss economic "
    "cooperation between the two countries. They agreed to increase trade volumes and to simplify "
    "permits for businesses. The Indonesian minister said her government supports a peaceful "
    "resolution of tensions in the Gulf region and urged all parties to exercise restraint."
)
MALAY = (
    "Kerajaan Malaysia akan memperkenalkan dasar baharu bagi membantu golongan berpendapatan rendah "
    "menghadapi kenaikan kos sara hidup, kata Perdana Menteri semalam. Beliau berkata, langkah itu penting "
    "kerana ramai rakyat terjejas akibat kenaikan harga barangan keperluan. Menurutnya, kerajaan juga akan "
    "meneliti semula peruntukan bagi sektor pendidikan dan kesihatan dalam Belanjawan 2020 yang akan "
    "dibentangkan di Dewan Rakyat bulan hadapan."
)
# Indonesian lede followed by English lyrics: the lede decides (see language.py, rule 3).
ID_WITH_LYRICS = (
    "Penyanyi asal Inggris itu merilis lagu terbaru pada Jumat (13/9/2019) dan langsung menduduki "
    "posisi teratas tangga lagu digital di Indonesia. Berikut lirik lagunya. "
    + "Don't call me angel, you ain't never seen an angel cry. Don't call me angel when I'm by your side, "
    "I'm not your angel tonight. Boy, you know I get what I want, and I never stop, I never stop. " * 6
)
HTML_PAGE = (
    '<!DOCTYPE html>\n<html lang="id">\n<head><meta charset="utf-8"><title>Berita</title></head>\n'
    '<body><nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav>\n'
    f"<article><h1>KPU tetapkan hasil pemilu</h1><p>{ID_PEMILU}</p></article>\n</body>\n</html>\n"
)
