# पूर्वनिर्धारित थिमका इन्टरफेस शब्दहरू: नेपाली।
# नेपालीमा बहुवचनका दुई वर्ग छन्: one (१ मात्र) र other (बाँकी सबै)।
# अङ्क कार्यक्रम आफैँले देवनागरीमा छाप्छ, त्यसैले यहाँ अङ्क नलेख्नुहोस्।

## पृष्ठको बनावट

skip-link = मुख्य सामग्रीमा जानुहोस्
nav-label = मुख्य मेनु
languages-label = भाषा
browse-label = हेर्नुहोस्
breadcrumb-label = तपाईं यहाँ हुनुहुन्छ
open-data = खुला तथ्याङ्क:
data-json = JSON
data-csv = CSV
data-csv-tables = CSV तालिकाहरू:
data-table-commitments = प्रतिबद्धताहरू
data-table-updates = अद्यावधिकहरू
data-table-localities = क्षेत्रहरू
# The data package (data/datapackage.json): every column of the tables, its type and meaning.
data-dictionary = तथ्याङ्क शब्दकोश
feed-link = अद्यावधिकहरूको फिड (Atom)
feed-locality-link = यस क्षेत्रका अद्यावधिकहरूको फिड (Atom)
made-with = pledgeboard प्रयोग गरेर बनाइएको।
list-separator = {", "}

## विश्वासका सङ्केत (पृष्ठको फेदमा, «बारेमा» पृष्ठ) र पहुँचयोग्यता विवरण (मुद्दा १८)

footer-publisher = प्रकाशक:
footer-contact = सम्पर्क
contact-email = इमेल:
contact-phone = फोन:
contact-messaging = सन्देश (ह्वाट्सएप, सिग्नल वा टेलिग्राम):
footer-corrections = त्रुटि जानकारी दिनुहोस् वा प्रमाण पठाउनुहोस्
corrections-default = यी तथ्याङ्कमा त्रुटि देख्नुभयो, वा प्रगतिको प्रमाण छ? माथिको सम्पर्कमार्फत हामीलाई जानकारी दिनुहोस्।
footer-license = तथ्याङ्क र पाठ:
accessibility-link = पहुँचयोग्यता
about-reuse = तथ्याङ्कको पुनः प्रयोग
about-license = यस पोर्टलका तथ्याङ्क र पाठ यो इजाजतपत्रअन्तर्गत प्रकाशित छन्:
about-license-terms = यसका सर्तअनुसार तपाईं तिनलाई पुनः प्रयोग गर्न सक्नुहुन्छ।
about-no-license = यी तथ्याङ्क र पाठका लागि कुनै इजाजतपत्र दिइएको छैन: पुनः प्रयोग गर्नुअघि प्रकाशकलाई सोध्नुहोस्।
about-files = तथ्याङ्क डाउनलोड गर्नुहोस्:
accessibility-title = पहुँचयोग्यता विवरण
accessibility-intro = यो पोर्टल सबैले पढ्न सकून् भनेर बनाइएको हो: सस्तो फोन वा कम्प्युटरमा, ढिलो इन्टरनेटमा, स्क्रिन रिडर वा किबोर्ड मात्र प्रयोग गरेर।
accessibility-does = पोर्टलले के गर्छ
accessibility-no-script = हरेक पृष्ठ JavaScript बिना चल्छ। खोजलाई मात्र यो चाहिन्छ, र सूचीहरूबाट यसबिनै हरेक प्रतिबद्धतासम्म पुग्न सकिन्छ।
accessibility-small-screens = पृष्ठहरू साना स्क्रिनमा मिल्छन् र ढिलो इन्टरनेटमा पनि हलुका रहन्छन्।
accessibility-rtl = अरबीजस्ता दायाँबाट बायाँ लेखिने भाषाका पृष्ठहरू दायाँबाट बायाँ मिलाइन्छन्।
accessibility-contrast = उज्यालो र अँध्यारो दुवै मोडमा पाठ र रङबीच पर्याप्त कन्ट्रास्ट हुन्छ। स्थिति सधैँ शब्दमा लेखिन्छ, रङले मात्र देखाइँदैन।
accessibility-structure = स्क्रिन रिडर र किबोर्ड प्रयोगकर्ताका लागि पृष्ठहरूमा शीर्षक, क्षेत्र र सामग्रीमा सिधै पुर्‍याउने लिङ्क छन्।
accessibility-checked = पोर्टलको थिमका पृष्ठहरू axe-core र Nu Html Checker ले स्वचालित रूपमा जाँचिन्छन्।
accessibility-limits = थाहा भएका सीमाहरू
accessibility-maps = नक्साहरू चित्र हुन्: हरेकको छेउमा त्यसले देखाउने ठाउँहरूको लिङ्कसहितको सूची छ।
accessibility-charts = चार्टहरू पनि चित्र हुन्: हरेकसँग त्यसका अङ्कहरूको तालिका छ।
accessibility-documents = प्रमाणका रूपमा जोडिएका कागजात (प्रतिवेदन, माइन्युट, फोटो) अरूबाट आएका हुन्, र पहुँचयोग्य नहुन सक्छन्।
accessibility-translations = केही पाठ अझै सबै भाषामा अनुवाद भएका छैनन्: त्यसबेला पृष्ठले त्यो बताउँछ र तिनलाई अर्को भाषामा देखाउँछ।
accessibility-report = समस्या जानकारी दिनुहोस्
accessibility-report-contact = यस पोर्टलमा केही पढ्न वा प्रयोग गर्न गाह्रो भए हामीलाई भन्नुहोस्:
accessibility-report-publisher = यस पोर्टलमा केही पढ्न वा प्रयोग गर्न गाह्रो भए यसलाई प्रकाशित गर्ने संस्थालाई भन्नुहोस्।

## पृष्ठका शीर्षकहरू (रेन्डररले पनि प्रयोग गर्छ)

page-localities = क्षेत्रहरू
page-all-commitments = सबै प्रतिबद्धता
page-overdue = म्याद नाघेका प्रतिबद्धता
page-updates = पछिल्ला अद्यावधिक
page-status-index = स्थिति अनुसार
page-party-index = पक्ष अनुसार
page-topic-index = विषय अनुसार
page-country-index = देश अनुसार
page-not-found = पृष्ठ भेटिएन
not-found-message = यो पृष्ठ छैन। गृहपृष्ठमा जान भाषा छान्नुहोस्।

## फिड र सूचीका शीर्षकहरू (रेन्डररले प्रयोग गर्छ)

feed-site-title = { $site } — पछिल्ला अद्यावधिक
feed-locality-title = { $locality } — पछिल्ला अद्यावधिक — { $site }
list-status-heading = स्थिति: { $label }
list-party-heading = प्रतिबद्धता जनाउने पक्ष: { $label }
list-topic-heading = विषय: { $label }
list-country-heading = देश: { $label }

## गृहपृष्ठ

as-of = { $date } सम्मको प्रगति।
overdue-explained = कुनै प्रतिबद्धताको म्याद सकिइसकेको छ तर त्यो अझै खुला छ भने त्यसलाई म्याद नाघेको मानिन्छ।
by-party = पक्ष अनुसार प्रतिबद्धता
status = स्थिति
party = पक्ष
count = प्रतिबद्धता
latest-updates = पछिल्ला अद्यावधिक
all-updates = सबै पछिल्ला अद्यावधिक
all-localities = सबै क्षेत्र

## प्रतिबद्धताहरू

commitments = प्रतिबद्धताहरू
locality = क्षेत्र
pledged-by = प्रतिबद्धता जनाउने पक्ष
agreed = सहमति भएको मिति
due = म्याद
no-due-date = म्याद तोकिएको छैन
overdue = म्याद नाघेको
responsible = जिम्मेवार
topics = विषयहरू
last-update = पछिल्लो अद्यावधिक
progress = प्रगति
percent = { $value }%
card-pledged-by = प्रतिबद्धता जनाउने:
card-due = म्याद:
card-updated = पछिल्लो अद्यावधिक:
history = अद्यावधिकहरूको इतिहास
evidence = प्रमाण:

## क्षेत्रहरू

country = देश
region = प्रदेश
dialogue-since = संवाद सुरु भएको
partners = साझेदार संस्था
next-review = अर्को समीक्षा

## सूचीहरू

no-commitments = यहाँ अहिलेसम्म कुनै प्रतिबद्धता छैन।
no-localities = अहिलेसम्म कुनै क्षेत्र थपिएको छैन।
none-overdue = कुनै पनि प्रतिबद्धताको म्याद नाघेको छैन।
no-updates = अहिलेसम्म कुनै अद्यावधिक प्रकाशित भएको छैन।
no-updates-yet = यस प्रतिबद्धताको अहिलेसम्म कुनै अद्यावधिक दर्ता भएको छैन।
pagination-label = पृष्ठहरू
page-of = { $total } मध्ये पृष्ठ { $current }
page-n = पृष्ठ { $n }
previous-page = अघिल्लो पृष्ठ
next-page = अर्को पृष्ठ

## सङ्ख्याहरू (नेपालीमा अङ्कपछि नाम प्रायः एकवचनमै रहन्छ)

commitments-count = { $count ->
    [one] { $count } प्रतिबद्धता
   *[other] { $count } प्रतिबद्धता
}
overdue-count = { $count ->
    [one] म्याद नाघेको { $count } प्रतिबद्धता
   *[other] म्याद नाघेका { $count } प्रतिबद्धता
}
done-count = { $count ->
    [one] { $count } सम्पन्न
   *[other] { $count } सम्पन्न
}
updates-count = { $count ->
    [one] { $count } अद्यावधिक।
   *[other] { $count } अद्यावधिक, सबैभन्दा नयाँ माथि।
}
showing-latest = { $count ->
    [one] यस पृष्ठमा सबैभन्दा पछिल्लो अद्यावधिक मात्र देखाइएको छ।
   *[other] यस पृष्ठमा पछिल्ला { $count } अद्यावधिक देखाइएका छन्।
}

## स्थिति, पक्ष र मूल्याङ्कनकर्ता (रेन्डररले प्रयोग गर्छ)

status-not-started = सुरु भएको छैन
status-in-progress = काम जारी
status-stalled = अड्किएको
status-suspended = स्थगित
status-completed = सम्पन्न
status-not-completed = सम्पन्न भएन
status-withdrawn = फिर्ता लिइएको
party-police = प्रहरी
party-community = समुदाय
party-local-government = स्थानीय सरकार
party-justice = अदालत र सरकारी वकिल
assessed-police = प्रहरीद्वारा मूल्याङ्कन
assessed-community = समुदायद्वारा मूल्याङ्कन
assessed-joint = संयुक्त मूल्याङ्कन
assessed-independent = स्वतन्त्र पर्यवेक्षकद्वारा मूल्याङ्कन

## देशहरू (रेन्डररले प्रयोग गर्छ; साइटले site.yaml मा पनि नाम दिन सक्छ)

country-AF = अफगानिस्तान
country-BF = बुर्किना फासो
country-BJ = बेनिन
country-CD = कङ्गो प्रजातान्त्रिक गणतन्त्र
country-CF = मध्य अफ्रिकी गणतन्त्र
country-CI = कोट डिभ्वार
country-CM = क्यामरुन
country-DZ = अल्जेरिया
country-EG = इजिप्ट
country-GH = घाना
country-GM = गाम्बिया
country-GN = गिनी
country-IQ = इराक
country-JO = जोर्डन
country-KE = केन्या
country-LB = लेबनान
country-LR = लाइबेरिया
country-LY = लिबिया
country-MA = मोरक्को
country-ML = माली
country-MM = म्यानमार
country-MR = मौरिटानिया
country-NE = नाइजर
country-NG = नाइजेरिया
country-NP = नेपाल
country-PK = पाकिस्तान
country-SD = सुडान
country-SL = सियरा लियोन
country-SN = सेनेगल
country-SO = सोमालिया
country-SS = दक्षिण सुडान
country-SY = सिरिया
country-TD = चाड
country-TG = टोगो
country-TN = ट्युनिसिया
country-TZ = तान्जानिया
country-YE = यमन

## Time and evidence (issue 16): how long overdue, the latest update, the date of the data

# Under a month in days, under two years in months, then in years.
overdue-by-days = म्याद नाघेको { $count } दिन
overdue-by-months = म्याद नाघेको { $count } महिना
overdue-by-years = म्याद नाघेको { $count } वर्ष
latest-update = पछिल्लो अद्यावधिक
earlier-updates = अघिल्ला अद्यावधिकहरू
data-as-of = { $date } सम्मको तथ्याङ्क

# ---- first screen ----
home-heading = प्रतिबद्धताहरू कहाँसम्म पुगे?
done-of-total = { $total } मध्ये { $done } प्रतिबद्धता सम्पन्न
overdue-short = { $count } म्याद नाघेका
menu = मेनु

# ---- sides ----
views-differ = मूल्याङ्कन फरक
views-differ-note = { $points ->
    [0] पक्षहरूको मूल्याङ्कन स्थितिमा फरक छ।
   *[other] पक्षहरूको मूल्याङ्कन प्रगतिमा { $points } अङ्कले फरक छ।
}
fallback-notice = यो पृष्ठ आंशिक रूपमा { $shown }मा छ: यसलाई अझै { $language }मा अनुवाद गरिएको छैन।
fallback-notice-link = अन्य भाषाहरू
language-en = अङ्ग्रेजी
language-fr = फ्रान्सेली
language-ar = अरबी
language-ne = नेपाली
language-ha = हाउसा
# ---- charts ----
chart-data = चार्टको तथ्याङ्क
chart-month = महिना
chart-completed-title = समयसँगै पूरा भएका प्रतिबद्धता
chart-completed-column = पूरा भएका
chart-completed-desc = { $date } सम्म { $count } प्रतिबद्धता पूरा भए, { $start } देखि महिनैपिच्छे गनिएको।
chart-multiples-title = क्षेत्रअनुसार प्रतिबद्धताको अवस्था
chart-multiples-desc = हरेक क्षेत्रका प्रतिबद्धता कुन अवस्थामा कति छन्, उही मापनमा, सङ्ख्यासहित।
chart-timeline-title = समयरेखा
chart-timeline-desc = मिति र प्रगतिअनुसार { $count } अद्यावधिक
# ---- map ----
map-locality-title = { $country } को नक्सामा { $locality }
map-country-title = { $country } को नक्सामा क्षेत्रहरू
map-overview-title = नक्सामा क्षेत्रहरू
map-dots = { $count ->
    [one] एउटा क्षेत्र थोप्लोले देखाइएको छ।
   *[other] { $count } वटा क्षेत्र थोप्लाले देखाइएका छन्।
}
map-dots-link = हरेक थोप्लोले त्यस क्षेत्रको पृष्ठमा लैजान्छ।
map-missing = { $count ->
    [one] एउटा क्षेत्रको निर्देशाङ्क नभएकाले त्यो देखाइएको छैन।
   *[other] { $count } वटा क्षेत्रको निर्देशाङ्क नभएकाले ती देखाइएका छैनन्।
}
map-places = नक्सामा भएका स्थानहरू
map-coordinates = (अक्षांश { $lat }, देशान्तर { $lon })
# ---- scale ----
localities-count = { $count ->
    [one] { $count } क्षेत्र
   *[other] { $count } क्षेत्र
}
group-continued = अघिल्लो पृष्ठबाट जारी
# ---- print ----
print-link = संवाद बैठकका लागि छाप्ने पाना
print-title = छाप्ने पाना: { $locality }
print-online = अनलाइन:
print-keys = कुनै प्रतिबद्धताबारे सोध्न, त्यसको सन्दर्भ उल्लेख गर्नुहोस्।
short-key = सन्दर्भ
print-progress = प्रगति: { $value }%
print-latest = पछिल्लो अद्यावधिक, { $date }:
print-next-review = अर्को समीक्षा: { $date }

# ---- bundle ----
bundle-readme = पोर्टल पढ्न यो फोल्डरको index.html फाइल वेब ब्राउजर (Firefox, Chrome, Edge, Safari…) मा खोल्नुहोस्। यसका लागि इन्टरनेट जडान चाहिँदैन, केही पनि इन्स्टल गर्नु पर्दैन।
offline-bundle = इन्टरनेटबिना पढ्न पूरा पोर्टल डाउनलोड गर्नुहोस् (ZIP, { $size } { $unit ->
    [kb] केबी
    [gb] जीबी
   *[mb] एमबी
})

# ---- calendar ----
calendar-site-name = { $site } — म्याद र समीक्षा बैठकहरू
calendar-locality-name = { $locality } — म्याद र समीक्षा बैठकहरू — { $site }
calendar-due = म्याद: { $title }
calendar-due-where = { $locality } मा गरिएको प्रतिबद्धता
calendar-review = समीक्षा बैठक: { $locality }
calendar-review-description = { $locality } मा संवादको अर्को बैठक, जहाँ पक्षहरूले आफ्ना प्रतिबद्धता कहाँसम्म पुगे भनी समीक्षा गर्छन्।
calendar-link = म्याद र समीक्षा बैठकहरू आफ्नो पात्रोमा थप्नुहोस्
calendar-locality-link = यस क्षेत्रका म्याद र समीक्षा बैठकहरू आफ्नो पात्रोमा थप्नुहोस्

# ---- share ----
# The share image (link previews), described for readers who cannot see it.
share-image-alt = प्रतिबद्धताहरूको प्रगति: { $place }

# ---- search ----
search-link = खोज
search-title = प्रतिबद्धताहरूमा खोज्नुहोस्
search-label = खोज्ने शब्दहरू (शीर्षक, क्षेत्र, विषय…)
search-any = सबै
search-found = भेटिएका प्रतिबद्धता: { $count }
search-none = यी शब्द भएको कुनै प्रतिबद्धता छैन।
search-short = शब्दका अरू केही अक्षर टाइप गर्नुहोस्।
search-more = थप नतिजा
search-no-script = खोज्न JavaScript चाहिन्छ, जुन यो ब्राउजरले चलाउँदैन। तलका पृष्ठहरूबाट तपाईं हरेक प्रतिबद्धता भेट्न सक्नुहुन्छ।
