"""Organisations, people and affiliations stated by the five public seed pages.

Facts only, in our own words. Cities or Chinese names the pages do not give are filled in
only where they are well established; otherwise the field stays empty.
"""

from __future__ import annotations

from twinning.demo.records import AffiliationRecord, Org, PersonRecord, Role
from twinning.directory.enums import AffiliationKind
from twinning.directory.enums import OrganisationType as T

MEMBER = AffiliationKind.MEMBERSHIP
PARTNER = AffiliationKind.PARTNER

SEED_ORGANISATIONS: tuple[Org, ...] = (
    # --- twinning partners (partner list page) ---
    Org("esssp", "Environmental Scientific Society of Sichuan Province", "CN", T.SOCIETY, ("environment", "education", "civil-society"),
        name_zh="四川省环境科学学会", acronym="ESSSP", province="Sichuan", city="Chengdu", founded=1981,
        description="Sichuan's largest technical society in the environmental field, founded in 1981. Its members are scientists, engineers, educators, managers and business people working on environmental technology, and it counts among the ten leading scientific societies of the province.",
        description_zh="四川省环境科学学会成立于1981年，是四川省环境领域规模最大的综合性科技社团。会员包括环境科研人员、工程技术人员、教育工作者和管理者，致力于推动环境科技发展。"),
    Org("afcdud", "Franco-Chinese Association for Urban Sustainable Development", "FR", T.ASSOCIATION, ("urbanisation", "transport", "energy", "environment"),
        acronym="AFCDUD", founded=2008,
        description="A French non-profit association, set up in 2008 with support from the French ministry of ecology (MEEM), that links France and China on sustainable cities. Its more than 380 bicultural members work on transport, environment, energy and eco and smart cities.",
        description_zh="法中城市可持续发展协会于2008年在法国成立，得到法国生态部的支持，搭建中法两国在城市可持续发展领域的交流合作平台，会员逾380名，涉及交通、环境、能源和生态智慧城市。"),
    Org("cres", "Chongqing Renewable Energy Society", "CN", T.SOCIETY, ("renewable-energy", "energy-efficiency", "low-carbon", "education"),
        name_zh="重庆市可再生能源学会", acronym="CRES", province="Chongqing", city="Chongqing", founded=2016,
        description="A professional society for renewable energy set up in 2016 under the Chongqing Science and Technology Association. Its members — power companies, equipment makers, research institutes and large energy users — cover renewables, energy conservation, smart energy and services for carbon neutrality. It does policy research, trainings and seminars, energy audits and consulting, science outreach and international cooperation.",
        description_zh="重庆市可再生能源学会成立于2016年，由重庆市科学技术协会主管，会员涵盖可再生能源、节能、智慧能源和碳中和服务领域。学会开展政策研究、学术交流、技术推广、咨询服务、企业能源审计和科普活动，并积极开展国际合作。"),
    Org("ekoenergy", "EKOenergy", "FI", T.NETWORK, ("renewable-energy", "energy", "climate", "consumption"),
        other_names=("EKOenergy ecolabel",), city="Helsinki",
        description="A not-for-profit ecolabel for green electricity used across borders, run by a network of environmental NGOs and hosted by the Finnish Association for Nature Conservation. The label is used in 35 countries, rests on an international consultation, and its Climate Fund finances renewable electricity projects around the world."),
    Org("fanc", "Finnish Association for Nature Conservation", "FI", T.NGO, ("biodiversity", "environment"),
        city="Helsinki", description="The Finnish nature conservation NGO that hosts the EKOenergy ecolabel."),
    Org("cqgvl", "Green Volunteer League of Chongqing", "CN", T.NGO, ("environmental-justice", "civil-society", "education", "environment"),
        name_zh="重庆市绿色志愿者联合会", acronym="CQGVL", province="Chongqing", city="Chongqing", founded=1995,
        description="A grassroots environmental group in Chongqing, active since 1995 and registered with the municipal civil affairs bureau. It watches over environmental protection in practice, offers legal help on environmental cases, campaigns in public and spreads a culture of green living.",
        description_zh="重庆市绿色志愿者联合会成立于1995年，是经重庆市民政局登记的民间环保组织，长期从事环境保护社会监督、环境法律服务和公众倡导，推动绿色文化与可持续发展。"),
    Org("legambiente", "Legambiente", "IT", T.ASSOCIATION, ("environment", "water", "energy", "education"),
        city="Rome", founded=1980,
        description="An Italian environmental association founded in 1980. It campaigns against pollution and for better environmental quality and careful use of natural resources, putting environmental culture at the centre of how the country develops.",
        description_zh="意大利环保联盟成立于1980年，是意大利的非营利环保协会，致力于改善环境质量、反对各种污染、合理利用自然资源。"),
    Org("blueribbon", "BlueRibbon Ocean Conservation Association", "CN", T.NGO, ("oceans", "education", "waste", "biodiversity"),
        name_zh="蓝丝带海洋保护协会", province="Hainan", city="Sanya",
        description="A Chinese NGO for the sea: it teaches ocean awareness, organises clean-ups of marine litter, works for coastal ecosystems and sustainable coastal development, and helps build a civil-society network for ocean conservation in China.",
        description_zh="蓝丝带海洋保护协会是致力于海洋保护的民间组织，开展海洋教育、海洋垃圾清理和海岸生态保护，推动建立中国民间海洋保护网络。"),
    Org("focus", "Focus Association for Sustainable Development", "SI", T.ASSOCIATION, ("climate", "energy", "transport", "consumption", "environmental-justice"),
        city="Ljubljana",
        description="An independent, non-partisan Slovenian association of individuals working towards a society that lives within environmental and social limits. It works on climate and energy, sustainable transport, ethical consumption, degrowth and environmental justice."),
    Org("cycan", "China Youth Climate Action Network", "CN", T.YOUTH, ("youth", "climate", "energy"),
        name_zh="中国青年应对气候变化行动网络", acronym="CYCAN", city="Beijing", founded=2007,
        description="Founded in August 2007 by seven youth groups that pooled their strengths, CYCAN was the first Chinese non-profit to work on youth and climate change. It encourages and equips young people to act on the climate and to push energy innovation.",
        description_zh="中国青年应对气候变化行动网络于2007年8月由七家青年组织共同发起，是中国第一家关注青年与气候变化议题的非营利组织，致力于支持青年采取持续行动应对气候变化、推动能源创新。"),
    Org("bundjugend-berlin", "BUNDjugend Berlin", "DE", T.YOUTH, ("youth", "climate", "transport", "urbanisation", "consumption"),
        other_names=("Young Friends of the Earth Berlin",), province="Berlin", city="Berlin",
        description="The youth wing of BUND Berlin, for people under 27. Young members run their own campaigns and projects, mostly on climate, mobility, urban development and consumption, and reach other young people peer to peer."),
    Org("bund-berlin", "BUND Berlin", "DE", T.NGO, ("environment",),
        other_names=("Friends of the Earth Berlin",), province="Berlin", city="Berlin",
        description="The Berlin branch of Friends of the Earth Germany."),
    # --- delegation visit page ---
    Org("brrc", "Belt and Road Research Center, Asian Institute of Technology", "TH", T.RESEARCH, ("sdgs", "energy"),
        acronym="BRRC", other_names=("AIT Belt and Road Research Center",),
        description="A research centre of the Asian Institute of Technology that studies Belt and Road cooperation and shares its results with a wider public."),
    Org("zhongfen", "Chongqing Zhongfen Technology Transfer Center", "CN", T.COMPANY, ("energy",),
        province="Chongqing", city="Chongqing", description="A technology transfer centre in Chongqing."),
    Org("undp", "United Nations Development Programme", "US", T.OTHER, ("sdgs",),
        acronym="UNDP", name_zh="联合国开发计划署", city="New York", description="The United Nations' development agency."),
    Org("cnie", "China NGO Network for International Exchanges", "CN", T.NETWORK, ("civil-society",),
        name_zh="中国民间组织国际交流促进会", acronym="CNIE", city="Beijing", description="A national network that connects Chinese NGOs with partners abroad."),
    Org("cango", "China Association for NGO Cooperation", "CN", T.ASSOCIATION, ("civil-society",),
        name_zh="中国国际民间组织合作促进会", acronym="CANGO", city="Beijing", description="A national association that brokers cooperation between Chinese and international NGOs."),
    Org("geidco", "Global Energy Interconnection Development and Cooperation Organization", "CN", T.NETWORK, ("energy", "renewable-energy"),
        name_zh="全球能源互联网发展合作组织", acronym="GEIDCO", city="Beijing", description="An international membership organisation promoting cross-border power grids for clean energy."),
    Org("brenet", "National Belt and Road Energy Cooperation Network", "CN", T.NETWORK, ("energy",),
        description="A Chinese network for energy cooperation along the Belt and Road."),
    Org("ccan", "China Climate Action Network", "CN", T.NETWORK, ("climate", "civil-society"),
        name_zh="中国气候行动网络", acronym="CCAN", description="A network of Chinese NGOs working on climate change."),
    Org("china-europe-ngo-exchange", "China-Europe NGO Exchange Project", "CN", T.PROJECT, ("civil-society",),
        description="An exchange project between Chinese and European NGOs."),
    # --- EC-LINK page ---
    Org("giz", "Deutsche Gesellschaft für Internationale Zusammenarbeit", "DE", T.GOVERNMENT, ("sdgs", "urbanisation"),
        acronym="GIZ", name_zh="德国国际合作机构", other_names=("German Society for International Cooperation",), city="Bonn",
        description="Germany's federal agency for international cooperation."),
    Org("ewuc", "East West Urban Consultancy", "", T.COMPANY, ("urbanisation",),
        description="An urban planning consultancy."),
    Org("european-commission", "European Commission", "BE", T.GOVERNMENT, ("sdgs",),
        name_zh="欧盟委员会", city="Brussels", description="The executive of the European Union."),
    # --- ICLEI page ---
    Org("iclei", "ICLEI – Local Governments for Sustainability", "DE", T.NETWORK, ("urbanisation", "climate", "energy", "consumption"),
        acronym="ICLEI", name_zh="倡导地区可持续发展国际理事会", city="Bonn", founded=1990,
        description="A worldwide network of local governments for sustainability. In China it runs international events, works with research institutes, forums and eco-city projects, and takes part in the main urban sustainability forums.",
        description_zh="倡导地区可持续发展国际理事会是全球地方政府可持续发展网络，在中国举办国际会议，与研究机构、论坛和生态城市项目合作。"),
    Org("cppcc", "Chinese People's Political Consultative Conference", "CN", T.GOVERNMENT, ("sdgs",),
        name_zh="中国人民政治协商会议", acronym="CPPCC", city="Beijing", description="China's national political advisory body."),
    Org("un-habitat", "UN-Habitat", "KE", T.OTHER, ("urbanisation",),
        name_zh="联合国人居署", city="Nairobi", description="The United Nations programme for human settlements."),
    Org("wef", "World Economic Forum", "CH", T.OTHER, ("sdgs",),
        acronym="WEF", name_zh="世界经济论坛", city="Geneva", description="An international foundation that convenes business and political leaders."),
    Org("cbcsd", "Chinese Business Council for Sustainable Development", "CN", T.NETWORK, ("csr", "sdgs"),
        name_zh="中国可持续发展工商理事会", acronym="CBCSD", city="Beijing", description="A council of companies in China committed to sustainable development."),
    Org("cec", "China Environmental United Certification Center", "CN", T.COMPANY, ("consumption", "environment"),
        name_zh="中环联合（北京）认证中心有限公司", acronym="CEC", city="Beijing", description="A certification body for environmental labels and management systems."),
    Org("csus", "Chinese Society for Urban Studies", "CN", T.SOCIETY, ("urbanisation", "green-buildings"),
        name_zh="中国城市科学研究会", acronym="CSUS", city="Beijing", description="A national society for research on cities and urban development."),
    Org("climate-group-china", "Climate Group Greater China", "CN", T.NGO, ("climate", "low-carbon"),
        name_zh="气候组织大中华区", city="Beijing", description="The Greater China office of the Climate Group."),
    Org("tongji-caup", "College of Architecture and Urban Planning, Tongji University", "CN", T.UNIVERSITY, ("urbanisation", "green-buildings"),
        name_zh="同济大学建筑与城市规划学院", acronym="CAUP", city="Shanghai", description="Tongji University's school of architecture and urban planning."),
    Org("eco-forum-global", "Eco-Forum Global", "CN", T.OTHER, ("environment", "sdgs"),
        name_zh="生态文明贵阳国际论坛", province="Guizhou", city="Guiyang", description="An international forum on ecological civilisation held in Guiyang."),
    Org("gfhs", "Global Forum on Human Settlements", "", T.NGO, ("urbanisation",),
        acronym="GFHS", name_zh="全球人居环境论坛", description="An international forum on sustainable human settlements."),
    Org("igca", "International Green Campus Alliance", "CN", T.NETWORK, ("education", "green-buildings"),
        description="An alliance of universities working on green campuses."),
    Org("iues-cass", "Institute for Urban and Environmental Studies, Chinese Academy of Social Sciences", "CN", T.RESEARCH, ("urbanisation", "environment", "climate"),
        acronym="IUES", name_zh="中国社会科学院城市发展与环境研究所", city="Beijing", description="A research institute of CASS on cities, environment and climate policy."),
    Org("sstec", "Sino-Singapore Tianjin Eco-city", "CN", T.PROJECT, ("urbanisation", "green-buildings"),
        acronym="SSTEC", name_zh="中新天津生态城", city="Tianjin", description="An eco-city developed jointly by China and Singapore in Tianjin."),
    Org("wri-beijing", "World Resources Institute Beijing Office", "CN", T.RESEARCH, ("climate", "energy", "urbanisation"),
        name_zh="世界资源研究所北京代表处", acronym="WRI", city="Beijing", description="The Beijing office of the World Resources Institute."),
    Org("wwf-china", "WWF China", "CN", T.NGO, ("biodiversity", "climate"),
        name_zh="世界自然基金会中国", city="Beijing", description="The China programme of the World Wide Fund for Nature."),
    # --- Eco Canton – Zero Waste Europe page ---
    Org("eco-canton", "Eco Canton", "CN", T.NGO, ("waste", "circular-economy", "civil-society", "education"),
        name_zh="宜居广州生态环境保护中心", other_names=("宜居广州",), province="Guangdong", city="Guangzhou", founded=2012,
        description="A Guangzhou non-profit, registered in 2012, that works on household waste: sorting, collection and management. It is a founding member of the China Zero Waste Alliance, advocates for better waste policy, and works with government, companies and neighbourhoods to get residents involved.",
        description_zh="宜居广州生态环境保护中心于2012年正式注册，是专注生活垃圾分类与管理的民办非企业单位，也是零废弃联盟的发起机构之一。机构通过政策倡导和公众参与，与政府、企业和社区合作探索解决城市垃圾问题的可持续方案。"),
    Org("zero-waste-europe", "Zero Waste Europe", "BE", T.NETWORK, ("waste", "circular-economy", "consumption"),
        name_zh="零废弃欧洲", province="Brussels-Capital", city="Brussels",
        description="A European network of more than 20 local zero-waste groups in 15 countries and an advocacy voice in Brussels. It gives local groups knowledge and tools and speaks for them to policy makers, aiming at a society where what is produced is reused, repaired, composted or recycled.",
        description_zh="零废弃欧洲是覆盖欧洲15个国家、20多个地方团体的知识网络和倡导组织，为地方团体提供知识和工具，并向政策制定者共同发声，推动重新设计社会，减少一切不必要的废弃物。"),
    Org("china-zero-waste-alliance", "China Zero Waste Alliance", "CN", T.NETWORK, ("waste",),
        name_zh="零废弃联盟", description="A network of Chinese organisations working towards zero waste."),
)

SEED_PEOPLE: tuple[PersonRecord, ...] = (
    PersonRecord("dingping-ma", "Dingping Ma", roles=(Role("cres", "Secretary General"), Role("cres", "Senior Engineer"))),
    PersonRecord("siyu-ma", "Siyu Ma", roles=(Role("cres", "Director of the International Department"),)),
    PersonRecord("shiqin-zhao", "Shiqin Zhao", roles=(Role("zhongfen"),)),
    PersonRecord("yi-zhang", "Yi Zhang", roles=(Role("undp"),)),
    PersonRecord("xiaofei-wang", "Xiaofei Wang"),
    PersonRecord("xiaocun-ruan", "Xiaocun Ruan", roles=(
        Role("giz", "Key expert on sustainable urban planning, EC-LINK"),
        Role("ewuc"),
    )),
    PersonRecord("nancy-ning", "Nancy Ning", roles=(Role("iclei", "China Relations Officer"),)),
    PersonRecord("danuta-chodakowska", "Danuta Chodakowska"),
    PersonRecord("huang-liying", "Huang Liying"),
)

_ICLEI_PARTNERS = (
    "cbcsd", "cec", "csus", "climate-group-china", "tongji-caup", "eco-forum-global",
    "gfhs", "igca", "iues-cass", "sstec", "wri-beijing", "wwf-china",
)
_CRES_NETWORKS = ("cnie", "cango", "geidco", "brenet", "ccan", "china-europe-ngo-exchange")

SEED_AFFILIATIONS: tuple[AffiliationRecord, ...] = (
    *(AffiliationRecord(MEMBER, "cres", network) for network in _CRES_NETWORKS),
    *(AffiliationRecord(PARTNER, "iclei", partner, note="Chinese partner of ICLEI") for partner in _ICLEI_PARTNERS),
    AffiliationRecord(MEMBER, "eco-canton", "china-zero-waste-alliance", note="founding member"),
    AffiliationRecord(MEMBER, "bundjugend-berlin", "bund-berlin", note="youth organisation of BUND Berlin"),
    AffiliationRecord(PARTNER, "ekoenergy", "fanc", note="EKOenergy is run from the Finnish Association for Nature Conservation"),
)
