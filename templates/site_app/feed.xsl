{% load i18n static %}<?xml version="1.0" encoding="utf-8"?>
{% get_current_language as LANGUAGE_CODE %}{% get_current_language_bidi as LANGUAGE_BIDI %}<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
<xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
<xsl:variable name="page" select="rss/channel/link | atom:feed/atom:link[@rel='alternate']/@href"/>
<xsl:variable name="self" select="rss/channel/atom:link[@rel='self']/@href | atom:feed/atom:link[@rel='self']/@href"/>
<xsl:template match="/">
<html lang="{{ LANGUAGE_CODE }}" dir="{% if LANGUAGE_BIDI %}rtl{% else %}ltr{% endif %}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="robots" content="noindex"/>
<title><xsl:value-of select="$title"/></title>
<link rel="stylesheet" href="{% static 'css/site.css' %}"/>
</head>
<body>
<main id="inhoud" class="main">
<div class="container container--narrow">
<div class="page-header">
<p class="page-header__kicker">{% translate "Dit is een feed" %}</p>
<h1 class="page-header__title"><xsl:value-of select="$title"/></h1>
<p class="page-header__intro">{% translate "Een feed is een lijst met de nieuwste berichten. Een feedlezer toont ze voor jou, zodat je niet elke dag op de site hoeft te kijken." %}</p>
</div>
<section class="section section--highlight" aria-labelledby="feed-volgen">
<h2 id="feed-volgen" class="section__title">{% translate "Zo volg je deze feed" %}</h2>
<ol class="steps">
<li>{% translate "Open je feedlezer. Heb je er nog geen? Er zijn gratis apps voor je telefoon en je computer." %}</li>
<li>{% translate "Kopieer het webadres hieronder." %}</li>
<li>{% translate "Plak het in je feedlezer bij 'feed toevoegen' of 'abonneren'." %}</li>
</ol>
<p><label for="feed-adres">{% translate "Webadres van deze feed" %}</label></p>
<p><input id="feed-adres" class="search-form__input" type="text" readonly="readonly" value="{$self}" dir="ltr"/></p>
<p><a href="{$page}">{% translate "Liever de gewone webpagina? Ga naar de pagina van deze feed." %}</a></p>
</section>
<section class="section" aria-labelledby="feed-berichten">
<h2 id="feed-berichten" class="section__title">{% translate "De nieuwste berichten" %}</h2>
<xsl:choose>
<xsl:when test="rss/channel/item | atom:feed/atom:entry">
<ul class="card-list">
<xsl:for-each select="rss/channel/item">
<li class="card">
<h3 class="card__title"><a class="card__link" href="{link}"><xsl:value-of select="title"/></a></h3>
<p class="card__meta"><xsl:value-of select="pubDate"/></p>
<p class="card__summary"><xsl:value-of select="description"/></p>
</li>
</xsl:for-each>
<xsl:for-each select="atom:feed/atom:entry">
<li class="card">
<h3 class="card__title"><a class="card__link" href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></h3>
<p class="card__meta"><xsl:value-of select="substring(atom:published, 1, 10)"/></p>
<p class="card__summary"><xsl:value-of select="atom:summary"/></p>
</li>
</xsl:for-each>
</ul>
</xsl:when>
<xsl:otherwise><p class="empty-state">{% translate "Hier is nog niets verschenen." %}</p></xsl:otherwise>
</xsl:choose>
</section>
</div>
</main>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
