"""Invented Chinese reports and news of the sample pairs, for the library (normal Chinese prose for search)."""

from __future__ import annotations

import datetime

from twinning.demo.records import DocumentRecord
from twinning.demo.seed_programmes import TWINNING
from twinning.library.enums import DocumentKind

D = datetime.date

SAMPLE_DOCUMENTS_CHINESE: tuple[DocumentRecord, ...] = (
    DocumentRecord(
        "公民科学监测空气质量：西安与华沙的合作经验",
        """2017年，西安清洁空气行动中心与波兰华沙呼吸协会结成对子，围绕公民空气监测开展了为期一年的交流。两家机构都在学校和社区布设了低成本空气传感器，但都面临同一个问题：设备读数与官方监测站相差较大，公众对数据的可信度存在疑问。

交流期间，双方在西安的两所学校开展了联合校准，把传感器放在官方监测站旁边连续运行四周，并据此建立了修正公式。修正后的数据与官方数据的差距明显缩小，学校和家长也更愿意参考这些读数安排户外活动。

华沙的伙伴介绍了他们推动禁止燃煤取暖的经验：先用数据说明问题，再联合医生和家长发声，最后与市议会讨论具体的替代方案。西安团队认为，这种循序渐进的做法同样适用于冬季清洁取暖改造。

下一步，双方将共同发布校准方法，供其他城市的公民监测团体使用。""",
        D(2018, 2, 5),
        summary="西安与华沙结对交流报告：低成本传感器校准与清洁取暖倡导。",
        organisations=("xian-clean-air", "breathe-warsaw"),
        people=("liu-fang", "agnieszka-nowicka", "tomasz-wrona"),
        topics=("air-quality", "health"),
        programme=TWINNING,
        cohort_year=2017,
        language="zh",
    ),
    DocumentRecord(
        "零废弃学校：深圳与维尔纽斯的交流报告",
        """深圳零废弃社区中心与立陶宛零废弃学校项目在2019年结对，重点关注校园食堂的厨余垃圾和一次性用品。立陶宛的伙伴已在八十所学校推行学生环保小组，由学生自己称量每天的剩饭剩菜并公布结果。

深圳团队在两所小学试行了这一做法。第一个月，学生小组每天记录各班的厨余量，并在走廊张贴图表。三个月后，两所学校的食堂厨余分别减少了约两成和三成，部分班级还发起了自带水杯的倡议。

在维尔纽斯的夏令营中，深圳的老师和学生与立陶宛学生一起搭建了校园堆肥箱。双方发现，堆肥不仅减少了垃圾，也让学生更愿意参与校园菜园的种植。

报告建议教育部门把垃圾减量纳入学校的日常管理，并为食堂和学生环保小组提供培训。""",
        D(2019, 12, 20),
        summary="学生环保小组、食堂厨余称量和校园堆肥在深圳两所小学的试点结果。",
        organisations=("shenzhen-zero-waste", "vilnius-zero-waste-schools"),
        people=("chen-xiaolan", "ruta-kazlauskaite"),
        topics=("waste", "education", "youth"),
        programme=TWINNING,
        cohort_year=2019,
        language="zh",
    ),
    DocumentRecord(
        "红树林修复中的渔民参与",
        """五月下旬，北海红树林守护者在北海举办了红树林与海岸修复论坛。来自希腊爱琴海海洋垃圾网络的结对伙伴介绍了他们与渔民合作回收渔网垃圾的做法：渔民把随网捞上的垃圾带回港口，由志愿者分类登记，港口免费接收。

北海的渔村代表表示，红树林的恢复让滩涂上的螃蟹和贝类明显增多，渔民收入也随之提高，因此越来越多的家庭愿意参加补种和巡护。与会者还讨论了如何减少养殖塘废水对红树林的影响。

论坛结束后，双方商定在北海的两个渔港试行渔网垃圾回收，并把补种区的生物调查结果定期向社会公开。""",
        D(2018, 6, 1),
        kind=DocumentKind.NEWS,
        summary="北海论坛：渔民参与红树林补种与渔网垃圾回收。",
        organisations=("beihai-mangrove", "aegean-marine-litter", "xiamen-marine-education"),
        people=("huang-qiong", "eleni-papadaki"),
        topics=("biodiversity", "oceans"),
        programme=TWINNING,
        cohort_year=2018,
        language="zh",
    ),
    DocumentRecord(
        "城市湖泊与海绵城市：武汉与鹿特丹结对交流总结",
        """武汉湖泊守望者与鹿特丹三角洲水学院在2019年结对，交流主题是城市湖泊保护与防洪。武汉市区湖泊众多，暴雨时承担着调蓄功能，但部分湖泊因填湖和排污而面积缩小、水质下降。

鹿特丹的经验是把防洪设施变成市民可以使用的公共空间，例如平时是运动场、暴雨时可以蓄水的水广场。武汉的志愿者在考察后认为，湖滨绿地同样可以兼顾休闲与蓄洪，关键是让周边居民了解湖泊的作用。

交流期间，双方共同设计了一套居民参与的湖泊巡查表，内容包括水位、排污口、垃圾和鸟类。武汉湖泊守望者已用这套表格培训了三百多名居民。

报告建议在海绵城市建设中更多听取社区意见，并把公民监测数据纳入湖泊管理。""",
        D(2020, 1, 10),
        summary="湖泊调蓄、水广场与公民巡查：武汉与鹿特丹的交流成果。",
        organisations=("wuhan-lakes-watch", "rotterdam-delta-water"),
        people=("he-jing", "pieter-van-dam"),
        topics=("water", "climate", "urbanisation"),
        programme=TWINNING,
        cohort_year=2019,
        language="zh",
    ),
    DocumentRecord(
        "街区减碳行动如何计量：成都与根特的经验",
        """成都低碳社区网络与比利时根特气候街区在2018年结对。两家机构都支持居民在自己的街区发起气候行动，例如共享汽车、绿色屋顶和集体节能改造，但都难以说明这些行动究竟减少了多少碳排放。

根特的伙伴使用一套简单的计算表：每个项目只记录三到五个容易获得的数字，例如节省的电量、减少的汽车出行公里数，再换算成减排量。成都团队把这套方法翻译成中文，并根据本地电网排放因子做了调整。

在成都的十个试点社区中，居民用这套表格计算出一年共减少约一百二十吨二氧化碳。更重要的是，居民第一次看到了自己行动的效果，参与的积极性明显提高。""",
        D(2019, 1, 15),
        summary="一套简单的街区减排计算方法及其在成都十个社区的试用。",
        organisations=("chengdu-low-carbon", "ghent-climate-neighbourhoods"),
        topics=("low-carbon", "climate", "civil-society"),
        programme=TWINNING,
        cohort_year=2018,
        language="zh",
    ),
    DocumentRecord(
        "青年参与城市气候规划：上海与赫尔辛基青年交流纪要",
        """十月下旬，上海青年可持续发展实验室的三名成员赴赫尔辛基，参加当地青年气候委员会举办的青年气候听证会。听证会上，十五岁到二十五岁的年轻人直接向市议员提问，内容涉及公共交通票价、学校供暖和城市绿地。

上海的成员发现，赫尔辛基的青年委员会之所以能够影响决策，是因为市政府每年都会书面回复青年的建议。回到上海后，实验室计划在高校举办类似的模拟听证会，并邀请区里的相关部门参加。

双方还约定共同编写一本青年气候行动手册，介绍如何阅读城市气候规划、如何提出具体可行的建议。""",
        D(2018, 11, 5),
        kind=DocumentKind.NEWS,
        summary="上海青年赴赫尔辛基参加青年气候听证会的纪要。",
        organisations=("shanghai-youth-sustainability", "helsinki-youth-climate"),
        people=("tang-xue", "aino-virtanen"),
        topics=("youth", "climate"),
        programme=TWINNING,
        cohort_year=2018,
        language="zh",
    ),
)
