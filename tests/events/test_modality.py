"""Modality and polarity, scoped to the trigger's own clause."""

from __future__ import annotations

import pytest

from .helpers import code, dyads
from .ud import parse_conllu, plain


def test_asserted(cameo, dictionary):
    (e,) = code(plain("Israel menyerang Iran."), cameo, dictionary)
    assert (e.modality, e.polarity, e.counted) == ("asserted", "positive", True)


def test_future_visit_is_recoded_to_intent_036(cameo, dictionary):
    evs = code(plain("Presiden Iran akan segera mengunjungi Pakistan."), cameo, dictionary)
    assert dyads(evs) == {("IRN", "PAK", "036")}
    assert evs[0].modality == "intent" and evs[0].counted


def test_rumoured_attack_is_reported_138_never_19x(cameo, dictionary):
    evs = code(
        plain("Teheran disebut-sebut akan melancarkan serangan balik terhadap Israel."), cameo, dictionary
    )
    assert dyads(evs) == {("IRN", "ISR", "138")}
    assert evs[0].modality == "reported" and not evs[0].counted


def test_hypothetical(cameo, dictionary):
    evs = code(plain("Jika Israel menyerang Iran, harga minyak naik."), cameo, dictionary)
    assert evs and all(e.modality == "hypothetical" and not e.counted for e in evs)


def test_hypothetical_does_not_cross_the_comma(cameo, dictionary):
    evs = code(plain("Jika harga naik, Israel menyerang Iran."), cameo, dictionary)
    assert evs[0].modality == "asserted"


def test_negated_existential_negative_control(cameo, dictionary):
    evs = code(
        plain("Tidak pernah ada perang atau sengketa wilayah antara Iran dan Pakistan."), cameo, dictionary
    )
    assert evs and all(e.polarity == "negative" and e.modality == "negated" and not e.counted for e in evs)


def test_tak_akan_berperang_negated(cameo, dictionary):
    evs = code(plain("Amerika Serikat Tegaskan Tak Akan Berperang dengan Iran"), cameo, dictionary)
    assert evs and all(e.modality == "negated" for e in evs)


def test_belum_is_negation(cameo, dictionary):
    evs = code(plain("Iran belum menyerang Israel."), cameo, dictionary)
    assert evs[0].polarity == "negative"


def test_tidak_akan_membiarkan_teroris_is_a_positive_pledge(cameo, dictionary):
    text = (
        '"Melalui kerja sama antara Teheran dan Islamabad, kami tidak akan membiarkan teroris mengancam '
        'keamanan kedua negara," tambah dia.'
    )
    evs = code(plain(text), cameo, dictionary)
    coop = [e for e in evs if e.cameo_root in ("03", "05", "06")]
    assert {(e.source_iso3, e.target_iso3) for e in coop} == {("IRN", "PAK"), ("PAK", "IRN")}
    assert all(e.polarity == "positive" for e in coop)
    # The negated complement is not coded as a threat by the speaker either.
    assert not [e for e in evs if e.cameo_root == "13"]


def test_generic_habitual(cameo, dictionary):
    (e,) = code(plain("Iran kerap mengecam Israel."), cameo, dictionary)
    assert e.modality == "generic" and not e.counted


def test_historical_from_date(cameo, dictionary):
    (e,) = code(plain("Pada April 2023, Azerbaijan mengusir empat diplomat Iran."), cameo, dictionary)
    assert e.modality == "historical" and e.counted


def test_a_stated_goal_is_an_intent_not_an_act(cameo, dictionary):
    # the aim of a visit or mission ("tujuan ... adalah", "misi ... yaitu") is not an act done
    for text in ("Tujuan Iran adalah menandatangani perjanjian perdagangan dengan Pakistan.",
                 "Misi Iran di Lahore yaitu memperkuat kerja sama ekonomi dengan Pakistan."):
        evs = code(plain(text), cameo, dictionary)
        assert evs and all(e.modality == "intent" and e.cameo_code.startswith("03") for e in evs), text
    done = code(plain("Iran memperkuat kerja sama ekonomi dengan Pakistan."), cameo, dictionary)
    assert dyads(done) == {("IRN", "PAK", "061"), ("PAK", "IRN", "061")}
    assert all(e.modality == "asserted" for e in done)


def test_the_idea_of_a_visit_is_no_visit(cameo, dictionary):
    idea = code(plain("Presiden Iran menyukai ide untuk berkunjung ke Pakistan."), cameo, dictionary)
    assert idea and all(e.modality == "intent" and e.cameo_code == "036" for e in idea)
    visit = code(plain("Presiden Iran berkunjung ke Pakistan."), cameo, dictionary)
    assert visit and all(e.modality == "asserted" for e in visit)


def test_talks_declared_dead_and_agreements_not_reached_are_negated(cameo, dictionary):
    for text in ('Pembicaraan Iran dengan Pakistan telah "mati".',
                 "Iran dan Pakistan masih jauh dari kesepakatan.",
                 "Iran dan Pakistan berada di ambang kesepakatan."):
        evs = code(plain(text), cameo, dictionary)
        assert evs and all(e.modality == "negated" and not e.counted for e in evs), text
    # the dead of an attack are no failure of it
    (attack,) = code(plain("Serangan Israel ke Iran menyebabkan lima orang mati."), cameo, dictionary)
    assert attack.modality == "asserted" and attack.counted


def test_an_intended_act_is_an_intent(cameo, dictionary):
    evs = code(plain("Iran dan Pakistan bermaksud memperluas kerja sama."), cameo, dictionary)
    assert evs and all(e.modality == "intent" and e.cameo_code.startswith("03") for e in evs)


def test_an_averted_conflict_did_not_happen(cameo, dictionary):
    text = "Iran dan Pakistan bekerja untuk menghindari bentrokan antara Iran dan Pakistan."
    wars = [e for e in code(plain(text), cameo, dictionary) if e.cameo_code.startswith("19")]
    assert wars and all(e.modality == "negated" and not e.counted for e in wars)


def test_a_product_of_cooperation_names_no_act_of_the_day(cameo, dictionary):
    evs = code(plain("Kilang itu merupakan buah kerja sama antara Iran dan Pakistan."), cameo, dictionary)
    assert evs and all(e.modality == "generic" and not e.counted for e in evs)
    done = code(plain("Iran dan Pakistan menjalin kerja sama energi."), cameo, dictionary)
    assert done and {e.modality for e in done} == {"asserted"}


PLAN_WITH_OWNER = """
# text = Rencana Israel menyerang Iran ditentang Rusia .
1  Rencana  rencana  NOUN  _  _  3  nsubj  _  _
2  Israel  israel  PROPN  _  _  1  nmod  _  _
3  menyerang  serang  VERB  _  _  0  root  _  _
4  Iran  iran  PROPN  _  _  5  nsubj:pass  _  _
5  ditentang  tentang  VERB  _  _  3  xcomp  _  _
6  Rusia  rusia  PROPN  _  _  5  obl  _  _
7  .  .  PUNCT  _  _  3  punct  _  _
"""


def test_a_plan_named_with_its_owner_is_no_act_yet(cameo, dictionary):
    evs = code(parse_conllu(PLAN_WITH_OWNER), cameo, dictionary)
    attacks = [e for e in evs if e.source_iso3 == "ISR"]
    assert attacks and all(e.modality == "intent" and e.cameo_code == "138" for e in attacks)


EXPECTED_MEETING = """
# text = Presiden Iran juga diharapkan untuk bertemu dengan Pakistan .
1  Presiden  presiden  NOUN  _  _  4  nsubj:pass  _  _
2  Iran  iran  PROPN  _  _  1  flat:name  _  _
3  juga  juga  ADV  _  _  4  advmod  _  _
4  diharapkan  harap  VERB  _  _  0  root  _  _
5  untuk  untuk  SCONJ  _  _  6  mark  _  _
6  bertemu  temu  VERB  _  _  4  advcl  _  _
7  dengan  dengan  ADP  _  _  8  case  _  _
8  Pakistan  pakistan  PROPN  _  _  6  obl  _  _
9  .  .  PUNCT  _  _  4  punct  _  _
"""


def test_an_expected_meeting_is_an_intent(cameo, dictionary):
    evs = code(parse_conllu(EXPECTED_MEETING), cameo, dictionary)
    assert evs and all(e.modality == "intent" and e.cameo_code == "036" for e in evs)


PLANNED_TALKS = (
    "# text = Meskipun Iran dan Pakistan sudah merencanakan untuk menggelar perundingan , "
    "hal itu dipenuhi ketidakpastian ."
) + """
1  Meskipun  meskipun  SCONJ  _  _  6  mark  _  _
2  Iran  iran  PROPN  _  _  6  nsubj  _  _
3  dan  dan  CCONJ  _  _  4  cc  _  _
4  Pakistan  pakistan  PROPN  _  _  2  conj  _  _
5  sudah  sudah  AUX  _  _  6  aux  _  _
6  merencanakan  rencana  VERB  _  _  0  root  _  _
7  untuk  untuk  SCONJ  _  _  8  mark  _  _
8  menggelar  gelar  VERB  _  _  6  advcl  _  _
9  perundingan  runding  NOUN  _  _  8  obj  _  _
10  ,  ,  PUNCT  _  _  13  punct  _  _
11  hal  hal  NOUN  _  _  13  nsubj:pass  _  _
12  itu  itu  DET  _  _  11  det  _  _
13  dipenuhi  penuh  VERB  _  _  6  advcl  _  _
14  ketidakpastian  tidakpasti  NOUN  _  _  13  obl  _  _
15  .  .  PUNCT  _  _  6  punct  _  _
"""


def test_talks_planned_through_a_light_verb_are_an_intent(cameo, dictionary):
    evs = code(parse_conllu(PLANNED_TALKS), cameo, dictionary)
    assert evs and all(e.modality == "intent" and e.cameo_code == "036" for e in evs)


NOT_IN_A_HURRY = """
# text = Pakistan tidak terburu-buru untuk berperang dengan Iran .
1  Pakistan  pakistan  PROPN  _  _  3  nsubj  _  _
2  tidak  tidak  PART  _  _  3  advmod  _  _
3  terburu-buru  buru  VERB  _  _  0  root  _  _
4  untuk  untuk  SCONJ  _  _  5  mark  _  _
5  berperang  perang  VERB  _  _  3  advcl  _  _
6  dengan  dengan  ADP  _  _  7  case  _  _
7  Iran  iran  PROPN  _  _  5  obl  _  _
8  .  .  PUNCT  _  _  3  punct  _  _
"""


def test_an_act_a_negated_word_is_for_did_not_happen(cameo, dictionary):
    evs = code(parse_conllu(NOT_IN_A_HURRY), cameo, dictionary)
    assert evs and all(e.modality == "negated" and not e.counted for e in evs)


def test_who_is_behind_an_attack_is_a_claim_not_a_report(cameo, dictionary):
    evs = code(plain("Iran berada di balik serangan terhadap Pakistan."), cameo, dictionary)
    assert evs and all(e.modality == "reported" and not e.counted for e in evs)


def test_what_has_gone_on_all_along_is_a_state_of_affairs(cameo, dictionary):
    text = "Iran dan Pakistan selama ini telah saling mendukung di forum internasional."
    evs = code(plain(text), cameo, dictionary)
    assert evs and all(e.modality == "generic" and not e.counted for e in evs)


TRIP_TO_MEET = """
# text = Menlu Pakistan akan tiba di Teheran pada hari Rabu untuk bertemu dengan Presiden Iran .
1  Menlu  menlu  PROPN  _  _  4  nsubj  _  _
2  Pakistan  pakistan  PROPN  _  _  1  flat:name  _  _
3  akan  akan  AUX  _  _  4  aux  _  _
4  tiba  tiba  VERB  _  _  0  root  _  _
5  di  di  ADP  _  _  6  case  _  _
6  Teheran  teheran  PROPN  _  _  4  obl  _  _
7  pada  pada  ADP  _  _  8  case  _  _
8  hari  hari  NOUN  _  _  4  obl:tmod  _  _
9  Rabu  rabu  PROPN  _  _  8  nmod:tmod  _  _
10  untuk  untuk  SCONJ  _  _  11  mark  _  _
11  bertemu  temu  VERB  _  _  4  advcl  _  _
12  dengan  dengan  ADP  _  _  13  case  _  _
13  Presiden  presiden  PROPN  _  _  11  obl  _  _
14  Iran  iran  PROPN  _  _  13  flat:name  _  _
15  .  .  PUNCT  _  _  4  punct  _  _
"""


TRIP_MADE = """
# text = Menlu Pakistan tiba di Teheran pada hari Rabu untuk bertemu dengan Presiden Iran .
1  Menlu  menlu  PROPN  _  _  3  nsubj  _  _
2  Pakistan  pakistan  PROPN  _  _  1  flat:name  _  _
3  tiba  tiba  VERB  _  _  0  root  _  _
4  di  di  ADP  _  _  5  case  _  _
5  Teheran  teheran  PROPN  _  _  3  obl  _  _
6  pada  pada  ADP  _  _  7  case  _  _
7  hari  hari  NOUN  _  _  3  obl:tmod  _  _
8  Rabu  rabu  PROPN  _  _  7  nmod:tmod  _  _
9  untuk  untuk  SCONJ  _  _  10  mark  _  _
10  bertemu  temu  VERB  _  _  3  advcl  _  _
11  dengan  dengan  ADP  _  _  12  case  _  _
12  Presiden  presiden  PROPN  _  _  10  obl  _  _
13  Iran  iran  PROPN  _  _  12  flat:name  _  _
14  .  .  PUNCT  _  _  3  punct  _  _
"""


def test_the_purpose_of_a_trip_to_come_is_an_intent_not_a_meeting(cameo, dictionary):
    planned = code(parse_conllu(TRIP_TO_MEET), cameo, dictionary)
    assert {e.cameo_code for e in planned} == {"036"} and all(e.modality == "intent" for e in planned)
    made = code(parse_conllu(TRIP_MADE), cameo, dictionary)
    assert ("PAK", "IRN", "040") in dyads(made)


POTENTIAL_TALKS = """
# text = Serangan itu menghancurkan potensi menghidupkan kembali negosiasi antara Israel dan Iran .
1  Serangan  serang  NOUN  _  _  3  nsubj  _  _
2  itu  itu  DET  _  _  1  det  _  _
3  menghancurkan  hancur  VERB  _  _  0  root  _  _
4  potensi  potensi  NOUN  _  _  3  obj  _  _
5  menghidupkan  hidup  VERB  _  _  3  ccomp  _  _
6  kembali  kembali  ADV  _  _  5  advmod  _  _
7  negosiasi  negosiasi  NOUN  _  _  5  obj  _  _
8  antara  antara  ADP  _  _  9  case  _  _
9  Israel  israel  PROPN  _  _  7  nmod  _  _
10  dan  dan  CCONJ  _  _  11  cc  _  _
11  Iran  iran  PROPN  _  _  9  conj  _  _
12  .  .  PUNCT  _  _  3  punct  _  _
"""


OPPORTUNITY = """
# text = Pakistan melihat peluang memperluas kerja sama dengan Iran .
1  Pakistan  pakistan  PROPN  _  _  2  nsubj  _  _
2  melihat  lihat  VERB  _  _  0  root  _  _
3  peluang  luang  NOUN  _  _  2  obj  _  _
4  memperluas  luas  VERB  _  _  2  ccomp  _  _
5  kerja  kerja  NOUN  _  _  4  obj  _  _
6  sama  sama  ADJ  _  _  5  amod  _  _
7  dengan  dengan  ADP  _  _  8  case  _  _
8  Iran  iran  PROPN  _  _  5  nmod  _  _
9  .  .  PUNCT  _  _  2  punct  _  _
"""


POSSIBLE_STEP = """
# text = Rusia dan Iran dapat mengambil langkah lebih besar dalam kerja sama eksplorasi minyak .
1  Rusia  rusia  PROPN  _  _  5  nsubj  _  _
2  dan  dan  CCONJ  _  _  3  cc  _  _
3  Iran  iran  PROPN  _  _  1  conj  _  _
4  dapat  dapat  AUX  _  _  5  aux  _  _
5  mengambil  ambil  VERB  _  _  0  root  _  _
6  langkah  langkah  NOUN  _  _  5  obj  _  _
7  lebih  lebih  ADV  _  _  8  advmod  _  _
8  besar  besar  ADJ  _  _  6  amod  _  _
9  dalam  dalam  ADP  _  _  10  case  _  _
10  kerja  kerja  NOUN  _  _  5  obl  _  _
11  sama  sama  ADJ  _  _  10  amod  _  _
12  eksplorasi  eksplorasi  NOUN  _  _  10  compound  _  _
13  minyak  minyak  NOUN  _  _  12  compound  _  _
14  .  .  PUNCT  _  _  5  punct  _  _
"""


def test_a_potential_act_is_hypothetical_even_through_a_verb(cameo, dictionary):
    evs = code(parse_conllu(POTENTIAL_TALKS), cameo, dictionary)
    assert evs and all(e.modality == "hypothetical" and not e.counted for e in evs)


def test_an_opportunity_to_widen_cooperation_is_an_intent(cameo, dictionary):
    evs = code(parse_conllu(OPPORTUNITY), cameo, dictionary)
    assert evs and all(e.modality == "intent" and e.cameo_root == "03" for e in evs)


def test_a_possible_step_in_cooperation_is_hypothetical(cameo, dictionary):
    evs = code(parse_conllu(POSSIBLE_STEP), cameo, dictionary)
    assert evs and all(e.modality == "hypothetical" and not e.counted for e in evs)


READY_TO_TALK_ON_THE_PLAN_WORD = """
# text = Iran siap untuk duduk bersama dan berdiskusi dengan Pakistan .
1  Iran  iran  PROPN  _  _  2  nsubj  _  _
2  siap  siap  VERB  _  _  0  root  _  _
3  untuk  untuk  SCONJ  _  _  4  mark  _  _
4  duduk  duduk  VERB  _  _  2  xcomp  _  _
5  bersama  sama  ADP  _  _  4  advmod  _  _
6  dan  dan  CCONJ  _  _  7  cc  _  _
7  berdiskusi  diskusi  VERB  _  _  2  conj  _  _
8  dengan  dengan  ADP  _  _  9  case  _  _
9  Pakistan  pakistan  PROPN  _  _  7  obl  _  _
10  .  .  PUNCT  _  _  2  punct  _  _
"""


READY_TO_TALK_ON_THE_FIRST_ACT = """
# text = Korea Utara siap untuk duduk bersama dan berdiskusi dengan Amerika Serikat .
1  Korea  korea  PROPN  _  _  3  nsubj  _  _
2  Utara  utara  PROPN  _  _  1  flat:name  _  _
3  siap  siap  VERB  _  _  0  root  _  _
4  untuk  untuk  SCONJ  _  _  5  mark  _  _
5  duduk  duduk  VERB  _  _  3  xcomp  _  _
6  bersama  sama  ADP  _  _  5  advmod  _  _
7  dan  dan  CCONJ  _  _  8  cc  _  _
8  berdiskusi  diskusi  VERB  _  _  5  conj  _  _
9  dengan  dengan  ADP  _  _  10  case  _  _
10  Amerika  amerika  PROPN  _  _  8  obl  _  _
11  Serikat  serikat  PROPN  _  _  10  flat:name  _  _
12  .  .  PUNCT  _  _  3  punct  _  _
"""



@pytest.mark.parametrize("conllu", [READY_TO_TALK_ON_THE_PLAN_WORD, READY_TO_TALK_ON_THE_FIRST_ACT])
def test_talks_coordinated_with_a_readiness_are_an_intent(conllu, cameo, dictionary):
    evs = code(parse_conllu(conllu), cameo, dictionary)
    assert evs and all(e.modality == "intent" and e.cameo_code == "036" for e in evs)
