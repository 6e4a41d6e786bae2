var mo=Object.defineProperty;var fo=Object.getOwnPropertyDescriptor;var g=(s,t,e,a)=>{for(var n=a>1?void 0:a?fo(t,e):t,l=s.length-1,p;l>=0;l--)(p=s[l])&&(n=(a?p(t,e,n):p(n))||n);return a&&n&&mo(t,e,n),n};var Tt=globalThis,Mt=Tt.ShadowRoot&&(Tt.ShadyCSS===void 0||Tt.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,mr=Symbol(),Si=new WeakMap,it=class{constructor(t,e,a){if(this._$cssResult$=!0,a!==mr)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o,e=this.t;if(Mt&&t===void 0){let a=e!==void 0&&e.length===1;a&&(t=Si.get(e)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),a&&Si.set(e,t))}return t}toString(){return this.cssText}},Ti=s=>new it(typeof s=="string"?s:s+"",void 0,mr),G=(s,...t)=>{let e=s.length===1?s[0]:t.reduce((a,n,l)=>a+(p=>{if(p._$cssResult$===!0)return p.cssText;if(typeof p=="number")return p;throw Error("Value passed to 'css' function must be a 'css' function result: "+p+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+s[l+1],s[0]);return new it(e,s,mr)},Mi=(s,t)=>{if(Mt)s.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of t){let a=document.createElement("style"),n=Tt.litNonce;n!==void 0&&a.setAttribute("nonce",n),a.textContent=e.cssText,s.appendChild(a)}},fr=Mt?s=>s:s=>s instanceof CSSStyleSheet?(t=>{let e="";for(let a of t.cssRules)e+=a.cssText;return Ti(e)})(s):s;var{is:go,defineProperty:yo,getOwnPropertyDescriptor:vo,getOwnPropertyNames:bo,getOwnPropertySymbols:$o,getPrototypeOf:wo}=Object,Rt=globalThis,Ri=Rt.trustedTypes,_o=Ri?Ri.emptyScript:"",xo=Rt.reactiveElementPolyfillSupport,at=(s,t)=>s,st={toAttribute(s,t){switch(t){case Boolean:s=s?_o:null;break;case Object:case Array:s=s==null?s:JSON.stringify(s)}return s},fromAttribute(s,t){let e=s;switch(t){case Boolean:e=s!==null;break;case Number:e=s===null?null:Number(s);break;case Object:case Array:try{e=JSON.parse(s)}catch{e=null}}return e}},Lt=(s,t)=>!go(s,t),Li={attribute:!0,type:String,converter:st,reflect:!1,useDefault:!1,hasChanged:Lt};Symbol.metadata??=Symbol("metadata"),Rt.litPropertyMetadata??=new WeakMap;var xe=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=Li){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){let a=Symbol(),n=this.getPropertyDescriptor(t,a,e);n!==void 0&&yo(this.prototype,t,n)}}static getPropertyDescriptor(t,e,a){let{get:n,set:l}=vo(this.prototype,t)??{get(){return this[e]},set(p){this[e]=p}};return{get:n,set(p){let f=n?.call(this);l?.call(this,p),this.requestUpdate(t,f,a)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??Li}static _$Ei(){if(this.hasOwnProperty(at("elementProperties")))return;let t=wo(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(at("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(at("properties"))){let e=this.properties,a=[...bo(e),...$o(e)];for(let n of a)this.createProperty(n,e[n])}let t=this[Symbol.metadata];if(t!==null){let e=litPropertyMetadata.get(t);if(e!==void 0)for(let[a,n]of e)this.elementProperties.set(a,n)}this._$Eh=new Map;for(let[e,a]of this.elementProperties){let n=this._$Eu(e,a);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let e=[];if(Array.isArray(t)){let a=new Set(t.flat(1/0).reverse());for(let n of a)e.unshift(fr(n))}else t!==void 0&&e.push(fr(t));return e}static _$Eu(t,e){let a=e.attribute;return a===!1?void 0:typeof a=="string"?a:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,e=this.constructor.elementProperties;for(let a of e.keys())this.hasOwnProperty(a)&&(t.set(a,this[a]),delete this[a]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Mi(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,a){this._$AK(t,a)}_$ET(t,e){let a=this.constructor.elementProperties.get(t),n=this.constructor._$Eu(t,a);if(n!==void 0&&a.reflect===!0){let l=(a.converter?.toAttribute!==void 0?a.converter:st).toAttribute(e,a.type);this._$Em=t,l==null?this.removeAttribute(n):this.setAttribute(n,l),this._$Em=null}}_$AK(t,e){let a=this.constructor,n=a._$Eh.get(t);if(n!==void 0&&this._$Em!==n){let l=a.getPropertyOptions(n),p=typeof l.converter=="function"?{fromAttribute:l.converter}:l.converter?.fromAttribute!==void 0?l.converter:st;this._$Em=n;let f=p.fromAttribute(e,l.type);this[n]=f??this._$Ej?.get(n)??f,this._$Em=null}}requestUpdate(t,e,a,n=!1,l){if(t!==void 0){let p=this.constructor;if(n===!1&&(l=this[t]),a??=p.getPropertyOptions(t),!((a.hasChanged??Lt)(l,e)||a.useDefault&&a.reflect&&l===this._$Ej?.get(t)&&!this.hasAttribute(p._$Eu(t,a))))return;this.C(t,e,a)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,e,{useDefault:a,reflect:n,wrapped:l},p){a&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,p??e??this[t]),l!==!0||p!==void 0)||(this._$AL.has(t)||(this.hasUpdated||a||(e=void 0),this._$AL.set(t,e)),n===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,l]of this._$Ep)this[n]=l;this._$Ep=void 0}let a=this.constructor.elementProperties;if(a.size>0)for(let[n,l]of a){let{wrapped:p}=l,f=this[n];p!==!0||this._$AL.has(n)||f===void 0||this.C(n,void 0,l,f)}}let t=!1,e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(a=>a.hostUpdate?.()),this.update(e)):this._$EM()}catch(a){throw t=!1,this._$EM(),a}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(t){}firstUpdated(t){}};xe.elementStyles=[],xe.shadowRootOptions={mode:"open"},xe[at("elementProperties")]=new Map,xe[at("finalized")]=new Map,xo?.({ReactiveElement:xe}),(Rt.reactiveElementVersions??=[]).push("2.1.2");var yr=globalThis,Pi=s=>s,Pt=yr.trustedTypes,zi=Pt?Pt.createPolicy("lit-html",{createHTML:s=>s}):void 0,vr="$lit$",ke=`lit$${Math.random().toFixed(9).slice(2)}$`,br="?"+ke,ko=`<${br}>`,He=document,ot=()=>He.createComment(""),lt=s=>s===null||typeof s!="object"&&typeof s!="function",$r=Array.isArray,Fi=s=>$r(s)||typeof s?.[Symbol.iterator]=="function",gr=`[ 	
\f\r]`,nt=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Oi=/-->/g,Ii=/>/g,Oe=RegExp(`>|${gr}(?:([^\\s"'>=/]+)(${gr}*=${gr}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Hi=/'/g,Ni=/"/g,Bi=/^(?:script|style|textarea|title)$/i,wr=s=>(t,...e)=>({_$litType$:s,strings:t,values:e}),b=wr(1),Ui=wr(2),Ll=wr(3),Ee=Symbol.for("lit-noChange"),w=Symbol.for("lit-nothing"),Di=new WeakMap,Ie=He.createTreeWalker(He,129);function ji(s,t){if(!$r(s)||!s.hasOwnProperty("raw"))throw Error("invalid template strings array");return zi!==void 0?zi.createHTML(t):t}var Wi=(s,t)=>{let e=s.length-1,a=[],n,l=t===2?"<svg>":t===3?"<math>":"",p=nt;for(let f=0;f<e;f++){let y=s[f],k,R,_=-1,I=0;for(;I<y.length&&(p.lastIndex=I,R=p.exec(y),R!==null);)I=p.lastIndex,p===nt?R[1]==="!--"?p=Oi:R[1]!==void 0?p=Ii:R[2]!==void 0?(Bi.test(R[2])&&(n=RegExp("</"+R[2],"g")),p=Oe):R[3]!==void 0&&(p=Oe):p===Oe?R[0]===">"?(p=n??nt,_=-1):R[1]===void 0?_=-2:(_=p.lastIndex-R[2].length,k=R[1],p=R[3]===void 0?Oe:R[3]==='"'?Ni:Hi):p===Ni||p===Hi?p=Oe:p===Oi||p===Ii?p=nt:(p=Oe,n=void 0);let C=p===Oe&&s[f+1].startsWith("/>")?" ":"";l+=p===nt?y+ko:_>=0?(a.push(k),y.slice(0,_)+vr+y.slice(_)+ke+C):y+ke+(_===-2?f:C)}return[ji(s,l+(s[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),a]},dt=class s{constructor({strings:t,_$litType$:e},a){let n;this.parts=[];let l=0,p=0,f=t.length-1,y=this.parts,[k,R]=Wi(t,e);if(this.el=s.createElement(k,a),Ie.currentNode=this.el.content,e===2||e===3){let _=this.el.content.firstChild;_.replaceWith(..._.childNodes)}for(;(n=Ie.nextNode())!==null&&y.length<f;){if(n.nodeType===1){if(n.hasAttributes())for(let _ of n.getAttributeNames())if(_.endsWith(vr)){let I=R[p++],C=n.getAttribute(_).split(ke),H=/([.?@])?(.*)/.exec(I);y.push({type:1,index:l,name:H[2],strings:C,ctor:H[1]==="."?Ot:H[1]==="?"?It:H[1]==="@"?Ht:De}),n.removeAttribute(_)}else _.startsWith(ke)&&(y.push({type:6,index:l}),n.removeAttribute(_));if(Bi.test(n.tagName)){let _=n.textContent.split(ke),I=_.length-1;if(I>0){n.textContent=Pt?Pt.emptyScript:"";for(let C=0;C<I;C++)n.append(_[C],ot()),Ie.nextNode(),y.push({type:2,index:++l});n.append(_[I],ot())}}}else if(n.nodeType===8)if(n.data===br)y.push({type:2,index:l});else{let _=-1;for(;(_=n.data.indexOf(ke,_+1))!==-1;)y.push({type:7,index:l}),_+=ke.length-1}l++}}static createElement(t,e){let a=He.createElement("template");return a.innerHTML=t,a}};function Ne(s,t,e=s,a){if(t===Ee)return t;let n=a!==void 0?e._$Co?.[a]:e._$Cl,l=lt(t)?void 0:t._$litDirective$;return n?.constructor!==l&&(n?._$AO?.(!1),l===void 0?n=void 0:(n=new l(s),n._$AT(s,e,a)),a!==void 0?(e._$Co??=[])[a]=n:e._$Cl=n),n!==void 0&&(t=Ne(s,n._$AS(s,t.values),n,a)),t}var zt=class{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:e},parts:a}=this._$AD,n=(t?.creationScope??He).importNode(e,!0);Ie.currentNode=n;let l=Ie.nextNode(),p=0,f=0,y=a[0];for(;y!==void 0;){if(p===y.index){let k;y.type===2?k=new We(l,l.nextSibling,this,t):y.type===1?k=new y.ctor(l,y.name,y.strings,this,t):y.type===6&&(k=new Nt(l,this,t)),this._$AV.push(k),y=a[++f]}p!==y?.index&&(l=Ie.nextNode(),p++)}return Ie.currentNode=He,n}p(t){let e=0;for(let a of this._$AV)a!==void 0&&(a.strings!==void 0?(a._$AI(t,a,e),e+=a.strings.length-2):a._$AI(t[e])),e++}},We=class s{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,a,n){this.type=2,this._$AH=w,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=a,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=Ne(this,t,e),lt(t)?t===w||t==null||t===""?(this._$AH!==w&&this._$AR(),this._$AH=w):t!==this._$AH&&t!==Ee&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):Fi(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==w&&lt(this._$AH)?this._$AA.nextSibling.data=t:this.T(He.createTextNode(t)),this._$AH=t}$(t){let{values:e,_$litType$:a}=t,n=typeof a=="number"?this._$AC(t):(a.el===void 0&&(a.el=dt.createElement(ji(a.h,a.h[0]),this.options)),a);if(this._$AH?._$AD===n)this._$AH.p(e);else{let l=new zt(n,this),p=l.u(this.options);l.p(e),this.T(p),this._$AH=l}}_$AC(t){let e=Di.get(t.strings);return e===void 0&&Di.set(t.strings,e=new dt(t)),e}k(t){$r(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,a,n=0;for(let l of t)n===e.length?e.push(a=new s(this.O(ot()),this.O(ot()),this,this.options)):a=e[n],a._$AI(l),n++;n<e.length&&(this._$AR(a&&a._$AB.nextSibling,n),e.length=n)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){let a=Pi(t).nextSibling;Pi(t).remove(),t=a}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},De=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,a,n,l){this.type=1,this._$AH=w,this._$AN=void 0,this.element=t,this.name=e,this._$AM=n,this.options=l,a.length>2||a[0]!==""||a[1]!==""?(this._$AH=Array(a.length-1).fill(new String),this.strings=a):this._$AH=w}_$AI(t,e=this,a,n){let l=this.strings,p=!1;if(l===void 0)t=Ne(this,t,e,0),p=!lt(t)||t!==this._$AH&&t!==Ee,p&&(this._$AH=t);else{let f=t,y,k;for(t=l[0],y=0;y<l.length-1;y++)k=Ne(this,f[a+y],e,y),k===Ee&&(k=this._$AH[y]),p||=!lt(k)||k!==this._$AH[y],k===w?t=w:t!==w&&(t+=(k??"")+l[y+1]),this._$AH[y]=k}p&&!n&&this.j(t)}j(t){t===w?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},Ot=class extends De{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===w?void 0:t}},It=class extends De{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==w)}},Ht=class extends De{constructor(t,e,a,n,l){super(t,e,a,n,l),this.type=5}_$AI(t,e=this){if((t=Ne(this,t,e,0)??w)===Ee)return;let a=this._$AH,n=t===w&&a!==w||t.capture!==a.capture||t.once!==a.once||t.passive!==a.passive,l=t!==w&&(a===w||n);n&&this.element.removeEventListener(this.name,this,a),l&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},Nt=class{constructor(t,e,a){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=a}get _$AU(){return this._$AM._$AU}_$AI(t){Ne(this,t)}},Vi={M:vr,P:ke,A:br,C:1,L:Wi,R:zt,D:Fi,V:Ne,I:We,H:De,N:It,U:Ht,B:Ot,F:Nt},Eo=yr.litHtmlPolyfillSupport;Eo?.(dt,We),(yr.litHtmlVersions??=[]).push("3.3.3");var qi=(s,t,e)=>{let a=e?.renderBefore??t,n=a._$litPart$;if(n===void 0){let l=e?.renderBefore??null;a._$litPart$=n=new We(t.insertBefore(ot(),l),l,void 0,e??{})}return n._$AI(s),n};var _r=globalThis,B=class extends xe{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=qi(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return Ee}};B._$litElement$=!0,B.finalized=!0,_r.litElementHydrateSupport?.({LitElement:B});var Ao=_r.litElementPolyfillSupport;Ao?.({LitElement:B});(_r.litElementVersions??=[]).push("4.2.2");var Co={attribute:!0,type:String,converter:st,reflect:!1,hasChanged:Lt},So=(s=Co,t,e)=>{let{kind:a,metadata:n}=e,l=globalThis.litPropertyMetadata.get(n);if(l===void 0&&globalThis.litPropertyMetadata.set(n,l=new Map),a==="setter"&&((s=Object.create(s)).wrapped=!0),l.set(e.name,s),a==="accessor"){let{name:p}=e;return{set(f){let y=t.get.call(this);t.set.call(this,f),this.requestUpdate(p,y,s,!0,f)},init(f){return f!==void 0&&this.C(p,void 0,s,f),f}}}if(a==="setter"){let{name:p}=e;return function(f){let y=this[p];t.call(this,f),this.requestUpdate(p,y,s,!0,f)}}throw Error("Unsupported decorator location: "+a)};function E(s){return(t,e)=>typeof e=="object"?So(s,t,e):((a,n,l)=>{let p=n.hasOwnProperty(l);return n.constructor.createProperty(l,a),p?Object.getOwnPropertyDescriptor(n,l):void 0})(s,t,e)}function x(s){return E({...s,state:!0,attribute:!1})}var Fe=(s,t,e)=>(e.configurable=!0,e.enumerable=!0,Reflect.decorate&&typeof t!="object"&&Object.defineProperty(s,t,e),e);function Ae(s,t){return(e,a,n)=>{let l=p=>p.renderRoot?.querySelector(s)??null;if(t){let{get:p,set:f}=typeof a=="object"?e:n??(()=>{let y=Symbol();return{get(){return this[y]},set(k){this[y]=k}}})();return Fe(e,a,{get(){let y=p.call(this);return y===void 0&&(y=l(this),(y!==null||this.hasUpdated)&&f.call(this,y)),y}})}return Fe(e,a,{get(){return l(this)}})}}var Ve="provisioning";function To(s){return new TextEncoder().encode(JSON.stringify({...s,id:2**53})).length}function xr(s){return s.id?{device:s.id}:{ieee:s.ieee??""}}var ct=class{constructor(t,e){this.hass=t;this.configEntryId=e}message(t,e={}){let a={type:`${Ve}/${t}`,...e};return this.configEntryId&&(a.config_entry_id=this.configEntryId),a}call(t,e={}){return this.hass.callWS(this.message(t,e))}subscribe(t){let e={type:`${Ve}/entries/subscribe`};return this.configEntryId&&(e.config_entry_id=this.configEntryId),this.hass.connection.subscribeMessage(t,e)}async coordinators(){return(await this.hass.callWS({type:`${Ve}/coordinators`})).coordinators}parse(t){return this.hass.callWS({type:`${Ve}/code/parse`,qr_code:t})}async add(t){return(await this.call("entries/add",Mo(t))).entry}async update(t,e){return(await this.call("entries/update",{...t,...e})).entry}async remove(t){await this.call("entries/remove",{...t})}async adopt(t){return(await this.call("entries/adopt",{device:t}))?.entry??void 0}importBytes(t){return To(this.message("entries/import",{csv:t}))}importCsv(t){return this.call("entries/import",{csv:t})}async startWindow(t){let e=t===void 0?{}:{duration:t};return(await this.call("window/start",e)).window}async stopWindow(){return(await this.call("window/stop")).window}async setGuard(t){return(await this.call("guard/set",{enabled:t})).window}};function Mo(s){let t={};for(let[e,a]of Object.entries(s))typeof a=="string"&&a.trim()!==""?t[e]=a.trim():Array.isArray(a)&&(t[e]=[...a]);return t}var Ki;function qe(s){return Ki??=s.loadBackendTranslation("exceptions",Ve).then(t=>typeof t=="function"?t:void 0).catch(()=>{}),Ki}function Ke(s){let t=s?.translation_placeholders?.field;return typeof t=="string"?t:void 0}async function de(s,t){let e=t??{};if(e.translation_key){let l=(await qe(s)??s.localize)(`component.${Ve}.exceptions.${e.translation_key}.message`,e.translation_placeholders);if(l)return l}return typeof e.message=="string"&&e.message?e.message:t instanceof Error?t.message:String(t)}var kr=class extends EventTarget{constructor(e=()=>Date.now()){super();this.local=e;this.offsetMs=0}now(){return this.local()+this.offsetMs}get offset(){return this.offsetMs}sync(e){if(!e)return!1;let a=Date.parse(e);if(Number.isNaN(a))return!1;let n=a-this.local();return Math.abs(n)<1e3&&(n=0),n===this.offsetMs?!1:(this.offsetMs=n,this.dispatchEvent(new Event("change")),!0)}},he=new kr;var Er=s=>s??w;var ae=G`
  :host {
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, Roboto, "Noto Sans", sans-serif));
    color: var(--primary-text-color, #212121);
    -webkit-font-smoothing: antialiased;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    font-weight: 500;
    border-radius: 18px;
    border: 1px solid transparent;
    padding: 0 16px;
    min-height: 36px;
    cursor: pointer;
    background: transparent;
    color: var(--primary-color, #03a9f4);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  button.primary {
    background: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
  }
  button.outlined {
    border-color: var(--outline-color, var(--divider-color, rgba(0, 0, 0, 0.12)));
  }
  button.danger {
    color: var(--error-color, #db4437);
  }
  button.primary.danger {
    background: var(--error-color, #db4437);
    color: var(--text-primary-color, #fff);
  }
  button.icon {
    width: 40px;
    height: 40px;
    min-height: 40px;
    padding: 8px;
    border-radius: 50%;
    color: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  button.icon svg {
    width: 24px;
    height: 24px;
    fill: currentColor;
  }
  /* Hover only where there is a pointer that hovers: on touch it would stick after a tap. */
  @media (hover: hover) {
    button:not(:disabled):hover {
      background-color: color-mix(in srgb, var(--primary-color, #03a9f4) 8%, transparent);
    }
    button.primary:not(:disabled):hover {
      background-color: color-mix(in srgb, var(--primary-color, #03a9f4) 88%, black);
    }
  }
  label.field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 0.85em;
    color: var(--secondary-text-color, #727272);
  }
  input[type="text"],
  input[type="password"],
  input[type="search"],
  select,
  textarea {
    font: inherit;
    font-size: 1rem;
    color: var(--primary-text-color, #212121);
    background: var(--input-fill-color, var(--secondary-background-color, #f5f5f5));
    border: 1px solid transparent;
    border-bottom: 1px solid var(--input-idle-line-color, var(--secondary-text-color, #727272));
    border-radius: 4px 4px 0 0;
    padding: 8px 12px;
    min-height: 40px;
    width: 100%;
  }
  /* A focused field shows Home Assistant's thick primary-coloured underline, not an outline. */
  input[type="text"]:focus,
  input[type="password"]:focus,
  input[type="search"]:focus,
  select:focus,
  textarea:focus {
    outline: none;
    border-bottom-color: var(--primary-color, #03a9f4);
    box-shadow: inset 0 -1px 0 var(--primary-color, #03a9f4);
  }
  input[aria-invalid="true"],
  select[aria-invalid="true"] {
    border-bottom: 2px solid var(--error-color, #db4437);
  }
  input[aria-invalid="true"]:focus,
  select[aria-invalid="true"]:focus {
    border-bottom-color: var(--error-color, #db4437);
    box-shadow: none;
  }
  .field-error {
    color: var(--error-color, #db4437);
    font-size: 0.85rem;
  }
  .alert {
    border-radius: 4px;
    padding: 8px 12px;
    margin: 8px 0;
    background: color-mix(in srgb, var(--error-color, #db4437) 12%, transparent);
    color: var(--primary-text-color, #212121);
    border-left: 4px solid var(--error-color, #db4437);
  }
  .alert.ok {
    background: color-mix(in srgb, var(--success-color, #43a047) 12%, transparent);
    border-left-color: var(--success-color, #43a047);
  }
  .alert.info {
    background: color-mix(in srgb, var(--info-color, #039be5) 12%, transparent);
    border-left-color: var(--info-color, #039be5);
  }
  .secondary {
    color: var(--secondary-text-color, #727272);
  }
  .mono {
    font-family: var(--ha-font-family-code, ui-monospace, "Roboto Mono", monospace);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`,Dt=G`
  dialog {
    border: none;
    border-radius: var(--ha-dialog-border-radius, 24px);
    padding: 0;
    width: min(560px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    background: var(--card-background-color, var(--ha-card-background, #fff));
    color: var(--primary-text-color, #212121);
    box-shadow: 0 8px 32px rgba(0, 0, 0, 0.35);
  }
  dialog::backdrop {
    background: rgba(0, 0, 0, 0.45);
  }
  .dialog-body {
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 16px 24px;
  }
  .dialog-head {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 16px 16px 0 24px;
  }
  .dialog-head h2 {
    flex: 1;
    margin: 0;
    font-size: 1.4rem;
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: 8px;
    padding: 8px 24px 20px;
  }
  @media (max-width: 600px) {
    dialog,
    dialog:modal {
      width: 100vw;
      max-width: 100vw;
      height: 100%;
      max-height: 100%;
      border-radius: 0;
    }
  }
`,j={menu:"M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z",close:"M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z",pencil:"M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z",delete:"M19,4H15.5L14.5,3H9.5L8.5,4H5V6H19M6,19A2,2 0 0,0 8,21H16A2,2 0 0,0 18,19V7H6V19Z",openInNew:"M14,3V5H17.59L7.76,14.83L9.17,16.24L19,6.41V10H21V3M19,19H5V5H12V3H5C3.89,3 3,3.9 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V12H19V19Z",plus:"M19,13H13V19H11V13H5V11H11V5H13V11H19V13Z",camera:"M4,4H7L9,2H15L17,4H20A2,2 0 0,1 22,6V18A2,2 0 0,1 20,20H4A2,2 0 0,1 2,18V6A2,2 0 0,1 4,4M12,7A5,5 0 0,0 7,12A5,5 0 0,0 12,17A5,5 0 0,0 17,12A5,5 0 0,0 12,7M12,9A3,3 0 0,1 15,12A3,3 0 0,1 12,15A3,3 0 0,1 9,12A3,3 0 0,1 12,9Z",upload:"M9,16V10H5L12,3L19,10H15V16H9M5,20V18H19V20H5Z",eye:"M12,9A3,3 0 0,0 9,12A3,3 0 0,0 12,15A3,3 0 0,0 15,12A3,3 0 0,0 12,9M12,17A5,5 0 0,1 7,12A5,5 0 0,1 12,7A5,5 0 0,1 17,12A5,5 0 0,1 12,17M12,4.5C7,4.5 2.73,7.61 1,12C2.73,16.39 7,19.5 12,19.5C17,19.5 21.27,16.39 23,12C21.27,7.61 17,4.5 12,4.5Z",eyeOff:"M11.83,9L15,12.16C15,12.11 15,12.05 15,12A3,3 0 0,0 12,9C11.94,9 11.89,9 11.83,9M7.53,9.8L9.08,11.35C9.03,11.56 9,11.77 9,12A3,3 0 0,0 12,15C12.22,15 12.44,14.97 12.65,14.92L14.2,16.47C13.53,16.8 12.79,17 12,17A5,5 0 0,1 7,12C7,11.21 7.2,10.47 7.53,9.8M2,4.27L4.28,6.55L4.73,7C3.08,8.3 1.78,10 1,12C2.73,16.39 7,19.5 12,19.5C13.55,19.5 15.03,19.2 16.38,18.66L16.81,19.08L19.73,22L21,20.73L3.27,3M12,7A5,5 0 0,1 17,12C17,12.64 16.87,13.26 16.64,13.82L19.57,16.75C21.07,15.5 22.27,13.86 23,12C21.27,7.61 17,4.5 12,4.5C10.6,4.5 9.26,4.75 8,5.2L10.17,7.35C10.74,7.13 11.35,7 12,7Z",sortAsc:"M7,15L12,10L17,15H7Z",sortDesc:"M7,10L12,15L17,10H7Z"};function Y(s,t){customElements.get(s)||customElements.define(s,t)}function re(s){return Ui`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${s}></path></svg>`}function se(s,t,e){s.dispatchEvent(new CustomEvent(t,{detail:e,bubbles:!0,composed:!0}))}function Zi(s){history.pushState(null,"",s),window.dispatchEvent(new CustomEvent("location-changed"))}function Ro(s,t,e){let a=Object.values(s??{}).sort((n,l)=>n.name.localeCompare(l.name));return b`<option value="" ?selected=${!t}>${e("no_area")}</option>
    ${a.map(n=>b`<option value=${n.area_id} ?selected=${n.area_id===t}>
          ${n.name}
        </option>`)}`}var Cr="ha-area-picker",Lo=1e4,Ar;function Po(s,t){return customElements.get(Cr)?Promise.resolve(!0):(Ar??=(async()=>{if(!customElements.get("ha-selector"))return!1;let e=document.createElement("ha-selector");e.hass=t,e.selector={area:{}},e.hidden=!0,s.append(e);let a;try{return await Promise.race([customElements.whenDefined(Cr).then(()=>!0),new Promise(n=>{a=window.setTimeout(()=>n(!1),Lo)})])}finally{window.clearTimeout(a),e.remove()}})().catch(()=>!1).then(e=>(e||(Ar=void 0),e)),Ar)}var Be=class extends B{constructor(){super(...arguments);this.value="";this.picker=customElements.get(Cr)?"ha":"native"}connectedCallback(){super.connectedCallback(),this.picker==="native"&&this.hass&&Po(this.renderRoot,this.hass).then(e=>{e&&(this.picker="ha")})}set(e){this.value=e,this.dispatchEvent(new CustomEvent("area-changed",{detail:e}))}render(){let e=this.localize;return this.picker==="ha"?b`<ha-area-picker
        .hass=${this.hass}
        .label=${e("area")}
        .value=${this.value||void 0}
        @value-changed=${a=>{a.stopPropagation(),this.set(a.detail.value??"")}}
      ></ha-area-picker>`:b`<label class="field"
      >${e("area")}
      <select
        id="select"
        name="area_id"
        @change=${a=>this.set(a.target.value)}
      >
        ${Ro(this.hass.areas,this.value,e)}
      </select>
    </label>`}static{this.styles=[ae,G`
      :host {
        display: block;
      }
      ha-area-picker {
        display: block;
        width: 100%;
      }
    `]}};g([E({attribute:!1})],Be.prototype,"hass",2),g([E({attribute:!1})],Be.prototype,"localize",2),g([E()],Be.prototype,"value",2),g([E({reflect:!0,attribute:"data-picker"})],Be.prototype,"picker",2);var ce=class extends B{constructor(){super(...arguments);this.label="";this.value="";this.error="";this.name="";this.autocomplete="off";this.placeholder="";this.hint="";this.shown=!1}static{this.shadowRootOptions={...B.shadowRootOptions,delegatesFocus:!0}}render(){let e=this.localize;return b`<label class="field">
        <span>${this.label}</span>
        <span class="wrap">
          <input
            id="input"
            name=${this.name}
            type=${this.shown?"text":"password"}
            autocomplete=${this.autocomplete}
            spellcheck="false"
            autocapitalize="off"
            aria-invalid=${this.error?"true":"false"}
            placeholder=${Er(this.placeholder||void 0)}
            aria-describedby=${Er([this.error?"error":"",this.hint?"hint":""].filter(Boolean).join(" ")||void 0)}
            .value=${this.value}
            @input=${a=>{this.value=a.target.value,this.dispatchEvent(new CustomEvent("value-changed",{detail:this.value}))}}
          />
          <button
            type="button"
            class="icon"
            aria-pressed=${this.shown?"true":"false"}
            aria-label=${this.shown?e("hide_secret"):e("show_secret")}
            title=${this.shown?e("hide_secret"):e("show_secret")}
            @click=${()=>{this.shown=!this.shown}}
          >
            ${re(this.shown?j.eyeOff:j.eye)}
          </button>
        </span>
      </label>
      ${this.hint?b`<div id="hint" class="hint secondary">${this.hint}</div>`:w}
      ${this.error?b`<div id="error" class="field-error" role="alert">${this.error}</div>`:w}`}static{this.styles=[ae,G`
      :host {
        display: block;
      }
      .wrap {
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .wrap input {
        flex: 1;
      }
      button.icon {
        color: var(--secondary-text-color, #727272);
      }
      .hint {
        font-size: 0.85rem;
        margin-top: 4px;
      }
    `]}};g([E()],ce.prototype,"label",2),g([E()],ce.prototype,"value",2),g([E()],ce.prototype,"error",2),g([E()],ce.prototype,"name",2),g([E()],ce.prototype,"autocomplete",2),g([E()],ce.prototype,"placeholder",2),g([E()],ce.prototype,"hint",2),g([E({attribute:!1})],ce.prototype,"localize",2),g([x()],ce.prototype,"shown",2);Y("provisioning-secret-input",ce);Y("provisioning-area-picker",Be);var Ft={title:"Provisioning",menu:"Open the sidebar",loading:"Loading the provisioning list…",retry:"Retry",coordinator:"Network",tech_zigbee:"Zigbee",tech_zwave:"Z-Wave",class_S2_AccessControl:"S2 Access Control",class_S2_Authenticated:"S2 Authenticated",class_S2_Unauthenticated:"S2 Unauthenticated",class_S0_Legacy:"S0 Legacy",protocol_zwave:"Z-Wave",protocol_zwave_long_range:"Z-Wave Long Range",node:"Node {node}",admit:"Admit provisioned devices",stop:"Stop",duration:"How long to admit",minutes:"{count} min",window_open:"Open",window_closed:"Closed",window_continuous:"Continuous",window_state:"Admission: {state}",window_remaining:"{time} left",keys_loaded:"{count} keys loaded",keys_waiting:"{count} waiting",install_code_only:"The radio admits only devices with an install code",guard:"Only admit provisioned devices",search:"Search name, IEEE, DSK or area",filter_status:"Status",filter_technology:"Technology",filter_all:"All",filter_all_technologies:"All technologies",col_name:"Name",col_technology:"Technology",col_ieee:"IEEE / DSK",col_area:"Area",col_status:"Status",col_provider:"Provider",col_updated:"Last change",col_actions:"Actions",sort_by:"Sort by {column}",status_pending:"Pending",status_admitting:"Admitting",status_joined:"Joined",status_failed:"Failed",status_revoked:"Revoked",reason_interview_timeout:"Joined but did not complete its interview in time",no_entries:"No device is on the provisioning list yet.",no_match:"No device matches.",count:"{shown} of {total} devices",unnamed:"Unnamed device",managed_by:"Managed by {title}",from_zwave_js:"From Z-Wave JS",adopt:"Adopt",adopt_hint:"Take this device into the provisioning list",edit:"Edit",delete:"Delete",open_device:"Open device",add:"Add devices",close:"Close",cancel:"Cancel",save:"Save",edit_title:"Edit {name}",name:"Name",area:"Area",no_area:"No area",new_key:"New key (optional)",key_unchanged:"Leave empty to keep the current key.",install_code:"Install code",link_key:"Link key",delete_title:"Delete {name}?",delete_text:"{ieee} leaves the provisioning list and its key leaves the coordinator. The device, if it joined, stays in Home Assistant.",delete_text_zwave:"{dsk} leaves the provisioning list and the Z-Wave controller's SmartStart list. The device, if it was included, stays in Home Assistant.",add_title:"Add devices",tab_scan:"Scan",tab_photo:"Photo",tab_type:"Type",tab_import:"Import CSV",ways:"Ways to add",scan_hint:"Hold the label's QR or Data Matrix code in front of the camera.",scan_hint_zwave:"Hold the label's Z-Wave SmartStart QR code in front of the camera.",scan_insecure:"The browser allows the camera only over HTTPS or on localhost. Take a photo of the label instead.",scan_no_camera:"No camera was found on this device. Take a photo of the label instead.",scan_denied:"The browser was not allowed to use the camera. Allow it in the site settings, or take a photo of the label instead.",scan_in_use:"The camera is in use by another app or could not be started. Close that app and try again, or take a photo of the label instead.",scan_unavailable:"The camera could not be started. Take a photo of the label instead.",scan_paused:"Scanning goes on after Add or Skip.",scan_starting:"Starting the camera…",scan_app:"Scan with the app",scan_app_hint:"The Home Assistant app opens its own scanner.",scan_app_title:"Scan a device label",scan_app_description:"Point the camera at the QR or Data Matrix code on the device.",scan_app_alternative:"Type the code",scan_wrong_format:"Only QR and Data Matrix codes can be read.",use_photo:"Take a photo instead",photo_hint:"Take or choose a photo of the label's QR or Data Matrix code.",photo_hint_zwave:"Take or choose a photo of the label's Z-Wave SmartStart QR code.",photo_pick:"Choose a photo",file_none:"No file chosen",photo_none:"No QR or Data Matrix code was found in this photo.",photo_bad:"This file could not be read as an image.",decoding:"Reading the code…",read_title:"Read from the label",read_format:"Format",read_key_install_code:"Install code ••••",read_key_link_key:"Link key ••••",read_model:"Model",read_dsk:"DSK",format_smartstart:"Z-Wave SmartStart",read_classes:"Security classes",read_protocol:"Protocol",read_no_classes:"None",wrong_network_zwave:"This is a Z-Wave code. Choose a Z-Wave network to add it.",wrong_network_zigbee:"This is a Zigbee code. Choose a Zigbee network to add it.",skip:"Skip",add_device:"Add",added:"{name} added.",already_listed:"{ieee} is already on the provisioning list.",type_mode:"What to type",type_qr:"QR code text",type_fields:"IEEE and key",type_dsk:"Z-Wave DSK",dsk:"DSK",dsk_hint:"Eight groups of five digits: {format}",dsk_format:"The DSK must be eight groups of five digits, such as {format}.",dsk_group:"Group {group} of the DSK is over 65535. Check the DSK for a typing error.",security_classes:"Security classes to grant",qr_code:"QR code text",ieee:"IEEE address",key_type:"Key type",key:"Key",show_secret:"Show",hide_secret:"Hide",import_hint:"A CSV file with a header line: ieee, install_code or link_key, and optionally name and area.",import_hint_zwave:"A CSV file with a header line: qr_code, or dsk and security_classes (names separated by spaces), and optionally name and area.",import_pick:"Choose a CSV file",import_added:"{count} added",import_line:"Line {line}",import_none:"Nothing was imported.",import_too_large:"{file} is too large to send ({size}): Home Assistant takes at most {limit} in one message. Split it into smaller files."},Gi={en:Ft};function Qi(s){let t=(s??"en").toLowerCase(),e=Gi[t]??Gi[t.split("-")[0]]??Ft;return(a,n)=>{let l=e[a]??Ft[a]??a;return n?l.replace(/\{(\w+)\}/g,(p,f)=>f in n?String(n[f]):p):l}}function Ze(s){return Object.hasOwn(Ft,s)}var Xi="xxxxx";var Bt="12345-12345-12345-12345-12345-12345-12345-12345",Sr=["S2_AccessControl","S2_Authenticated","S2_Unauthenticated"];function W(s){return s.technology==="zwave"?"zwave":"zigbee"}function ie(s){return s.id??s.ieee??""}function zo(s){let t=s.trim();return t.startsWith(Xi)?t:t.replace(/^[0-9]{1,5}/,Xi)}function Q(s){return W(s)==="zwave"?zo(s.dsk??s.id??""):s.ieee??s.id??""}function Tr(s,t){let e=`class_${s}`;return Ze(e)?t(e):s}function Ut(s,t){return(s??[]).map(e=>Tr(e,t)).join(", ")}function Ji(s,t){if(!s)return"";let e=`protocol_${s}`;return Ze(e)?t(e):s}function Yi(s,t){let e=`format_${s}`;return Ze(e)?t(e):s}function Ge(s,t){return t(s==="zwave"?"tech_zwave":"tech_zigbee")}var Oo=/^[0-9]{5}(?:(?:[ \t]*-[ \t]*|\s+)[0-9]{5}){7}$/,Io=/^[0-9]{40}$/,Ho=200;function ea(s){let t=s.trim();if(t.length>Ho||!(Oo.test(t)||Io.test(t)))return{ok:!1,error:"dsk_format"};let a=t.replace(/[^0-9]/g,"").match(/[0-9]{5}/g)??[];for(let[n,l]of a.entries())if(Number(l)>65535)return{ok:!1,error:"dsk_group",group:n+1};return{ok:!0,dsk:a.join("-")}}var ta=["zigbee","zwave"],jt=["S2_AccessControl","S2_Authenticated","S2_Unauthenticated","S0_Legacy"],ra=["pending","admitting","joined","failed","revoked"];var V=class extends B{constructor(){super(...arguments);this.technology="zigbee";this.typeMode="qr";this.qr="";this.dsk="";this.classes=new Set(Sr);this.ieee="";this.keyType="install_code";this.key="";this.name="";this.areaId="";this.fieldErrors={};this.typeError="";this.busy=!1}get mode(){let e=this.technology==="zwave"?"dsk":"fields";return this.typeMode==="qr"||this.typeMode===e?this.typeMode:"qr"}focusField(e){this.updateComplete.then(()=>this.renderRoot.querySelector(`#${e}`)?.focus())}async submit(e){if(e.preventDefault(),this.busy)return;let a=this.mode,n={name:this.name,area_id:this.areaId};if(a==="qr")n.qr_code=this.qr;else if(a==="dsk"){let l=ea(this.dsk);if(!l.ok){this.typeError="",this.fieldErrors={dsk:l.error==="dsk_group"?this.localize("dsk_group",{group:l.group}):this.localize("dsk_format",{format:Bt})},this.focusField("type-dsk");return}n.dsk=l.dsk,n.security_classes=jt.filter(p=>this.classes.has(p))}else n.ieee=this.ieee,n[this.keyType]=this.key;this.busy=!0,this.fieldErrors={},this.typeError="",se(this,"add-message",void 0);try{let l=await this.api.add(n);this.store.put(l),se(this,"entry-added",l),se(this,"add-message",{kind:"ok",text:this.localize("added",{name:l.name||Q(l)})}),this.qr="",this.ieee="",this.key="",this.dsk="",this.classes=new Set(Sr),this.name=""}catch(l){let p=await de(this.hass,l),f=Ke(l),y=(f==="install_code"||f==="link_key")&&a==="fields"?"key":f==="qr_code"&&a==="qr"?"qr_code":f==="ieee"&&a==="fields"?"ieee":f==="dsk"&&a==="dsk"?"dsk":f==="security_classes"&&a==="dsk"?"security_classes":void 0;if(y){this.fieldErrors={[y]:p};let k={key:"type-key",qr_code:"type-qr",ieee:"type-ieee",dsk:"type-dsk",security_classes:`class-${jt[0]}`};this.focusField(k[y])}else this.typeError=p}finally{this.busy=!1}}render(){let e=this.localize,a=this.fieldErrors,n=this.mode,l=this.technology==="zwave";return b`<form id="type-form" @submit=${this.submit}>
      ${this.typeError?b`<div class="alert" role="alert" id="type-error">${this.typeError}</div>`:w}
      <fieldset class="mode">
        <legend>${e("type_mode")}</legend>
        <label
          ><input
            type="radio"
            name="type-mode"
            id="mode-qr"
            .checked=${n==="qr"}
            @change=${()=>{this.typeMode="qr"}}
          />${e("type_qr")}</label
        >
        ${l?b`<label
              ><input
                type="radio"
                name="type-mode"
                id="mode-dsk"
                .checked=${n==="dsk"}
                @change=${()=>{this.typeMode="dsk"}}
              />${e("type_dsk")}</label
            >`:b`<label
              ><input
                type="radio"
                name="type-mode"
                id="mode-fields"
                .checked=${n==="fields"}
                @change=${()=>{this.typeMode="fields"}}
              />${e("type_fields")}</label
            >`}
      </fieldset>
      ${n==="dsk"?this.renderDsk():n==="qr"?b`<provisioning-secret-input
            id="type-qr"
            name="qr_code"
            .label=${e("qr_code")}
            .value=${this.qr}
            .error=${a.qr_code??""}
            .localize=${e}
            @value-changed=${p=>{this.qr=p.detail}}
          ></provisioning-secret-input>`:b`<label class="field"
              >${e("ieee")}
              <input
                id="type-ieee"
                name="ieee"
                type="text"
                class="mono"
                autocomplete="off"
                spellcheck="false"
                placeholder="00:11:22:33:44:55:66:77"
                aria-invalid=${a.ieee?"true":"false"}
                aria-describedby="type-ieee-error"
                .value=${this.ieee}
                @input=${p=>{this.ieee=p.target.value}}
              />
            </label>
            ${a.ieee?b`<div id="type-ieee-error" class="field-error" role="alert">${a.ieee}</div>`:w}
            <label class="field"
              >${e("key_type")}
              <select
                id="type-key-type"
                name="key_type"
                @change=${p=>{this.keyType=p.target.value}}
              >
                <option value="install_code" ?selected=${this.keyType==="install_code"}>
                  ${e("install_code")}
                </option>
                <option value="link_key" ?selected=${this.keyType==="link_key"}>${e("link_key")}</option>
              </select>
            </label>
            <provisioning-secret-input
              id="type-key"
              name=${this.keyType}
              .label=${this.keyType==="install_code"?e("install_code"):e("link_key")}
              .value=${this.key}
              .error=${a.key??""}
              .localize=${e}
              @value-changed=${p=>{this.key=p.detail}}
            ></provisioning-secret-input>`}
      <label class="field"
        >${e("name")}
        <input
          id="type-name"
          name="name"
          type="text"
          autocomplete="off"
          .value=${this.name}
          @input=${p=>{this.name=p.target.value}}
        />
      </label>
      <provisioning-area-picker
        id="type-area"
        .hass=${this.hass}
        .localize=${e}
        .value=${this.areaId}
        @area-changed=${p=>{this.areaId=p.detail}}
      ></provisioning-area-picker>
      <div class="buttons">
        <button type="submit" id="type-add" class="primary" ?disabled=${this.busy}>
          ${e("add_device")}
        </button>
      </div>
    </form>`}renderDsk(){let e=this.localize,a=this.fieldErrors;return b`<provisioning-secret-input
        id="type-dsk"
        name="dsk"
        .label=${e("dsk")}
        .value=${this.dsk}
        .placeholder=${Bt}
        .hint=${e("dsk_hint",{format:Bt})}
        .error=${a.dsk??""}
        .localize=${e}
        autocomplete="off"
        @value-changed=${n=>{this.dsk=n.detail}}
      ></provisioning-secret-input>
      <fieldset
        class="classes"
        id="type-classes"
        aria-invalid=${a.security_classes?"true":"false"}
        aria-describedby=${a.security_classes?"type-classes-error":""}
      >
        <legend>${e("security_classes")}</legend>
        ${jt.map(n=>b`<label
            ><input
              type="checkbox"
              id=${`class-${n}`}
              name="security_classes"
              value=${n}
              .checked=${this.classes.has(n)}
              @change=${l=>{let p=new Set(this.classes);l.target.checked?p.add(n):p.delete(n),this.classes=p}}
            />${Tr(n,e)}</label
          >`)}
      </fieldset>
      ${a.security_classes?b`<div id="type-classes-error" class="field-error" role="alert">
            ${a.security_classes}
          </div>`:w}`}static{this.styles=[ae,G`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      fieldset.mode {
        border: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
      }
      fieldset.mode legend {
        padding: 0;
        margin-bottom: 4px;
        color: var(--secondary-text-color, #727272);
      }
      fieldset.mode label,
      fieldset.classes label {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      fieldset.classes {
        border: 1px solid var(--divider-color, #e0e0e0);
        border-radius: 8px;
        margin: 0;
        padding: 8px 12px 12px;
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
      }
      fieldset.classes legend {
        padding: 0 4px;
        color: var(--secondary-text-color, #727272);
      }
    `]}};g([E({attribute:!1})],V.prototype,"hass",2),g([E({attribute:!1})],V.prototype,"api",2),g([E({attribute:!1})],V.prototype,"store",2),g([E({attribute:!1})],V.prototype,"localize",2),g([E()],V.prototype,"technology",2),g([x()],V.prototype,"typeMode",2),g([x()],V.prototype,"qr",2),g([x()],V.prototype,"dsk",2),g([x()],V.prototype,"classes",2),g([x()],V.prototype,"ieee",2),g([x()],V.prototype,"keyType",2),g([x()],V.prototype,"key",2),g([x()],V.prototype,"name",2),g([x()],V.prototype,"areaId",2),g([x()],V.prototype,"fieldErrors",2),g([x()],V.prototype,"typeError",2),g([x()],V.prototype,"busy",2);Y("provisioning-type-form",V);var No={NotFoundError:"no_camera",DevicesNotFoundError:"no_camera",OverconstrainedError:"no_camera",ConstraintNotSatisfiedError:"no_camera",NotAllowedError:"denied",PermissionDeniedError:"denied",SecurityError:"denied",NotReadableError:"in_use",TrackStartError:"in_use",AbortError:"in_use"};function ia(s){let t=s?.name;return typeof t=="string"&&No[t]||"unavailable"}var Do={qr_code:"qr_code",data_matrix:"data_matrix"};function aa(s){let t=s?.auth?.external;return t?.config?.hasBarCodeScanner?t:void 0}var Wt=class{constructor(t,e){this.app=t;this.handlers=e;this.wrapped=!1}get scanning(){return this.wrapped}open(t){this.wrapped||(this.previous=window.externalBus,window.externalBus=e=>this.receive(e),this.wrapped=!0),this.app.fireMessage({type:"bar_code/scan",payload:{...t}})}notify(t){this.app.fireMessage({type:"bar_code/notify",payload:{message:t}})}close(){this.wrapped&&(this.app.fireMessage({type:"bar_code/close"}),this.restore())}restore(){this.wrapped&&(window.externalBus=this.previous,this.previous=void 0,this.wrapped=!1)}receive(t){let e=t.type==="command"?t.command:void 0;if(e!=="bar_code/scan_result"&&e!=="bar_code/aborted"){this.previous?.(t);return}t.id!==void 0&&this.app.fireMessage({id:t.id,type:"result",success:!0,result:null});let a=t.payload??{};if(e==="bar_code/aborted"){this.restore(),this.handlers.onAborted(String(a.reason??"canceled"));return}let n=Do[String(a.format)]??null;this.handlers.onRead(String(a.rawValue??""),n)}};var me=[["All","*","*","     ",0,"All"],["AllReadable","*","r","     ",0,"All Readable"],["AllCreatable","*","w","     ",0,"All Creatable"],["AllLinear","*","l","     ",0,"All Linear"],["AllMatrix","*","m","     ",0,"All Matrix"],["AllGS1","*","G","     ",0,"All GS1"],["AllRetail","*","R","     ",0,"All Retail"],["AllIndustrial","*","I","     ",0,"All Industrial"],["Codabar","F"," ","lrw  ",18,"Codabar"],["Code39","A"," ","lrw I",8,"Code 39"],["Code39Std","A","s","lrw I",8,"Code 39 Standard"],["Code39Ext","A","e","lr  I",9,"Code 39 Extended"],["Code32","A","2","lr  I",129,"Code 32"],["PZN","A","p","lr  I",52,"Pharmazentralnummer"],["Code93","G"," ","lrw I",25,"Code 93"],["Code128","C"," ","lrwGI",20,"Code 128"],["ITF","I"," ","lrw I",3,"ITF"],["ITF14","I","4","lr  I",89,"ITF-14"],["DataBar","e"," ","lr GR",29,"DataBar"],["DataBarOmni","e","o","lr GR",29,"DataBar Omni"],["DataBarStk","e","s","lr GR",79,"DataBar Stacked"],["DataBarStkOmni","e","O","lr GR",80,"DataBar Stacked Omni"],["DataBarLtd","e","l","lr GR",30,"DataBar Limited"],["DataBarExp","e","e","lr GR",31,"DataBar Expanded"],["DataBarExpStk","e","E","lr GR",81,"DataBar Expanded Stacked"],["EANUPC","E"," ","lr  R",15,"EAN/UPC"],["EAN13","E","1","lrw R",15,"EAN-13"],["EAN8","E","8","lrw R",10,"EAN-8"],["EAN5","E","5","l   R",12,"EAN-5"],["EAN2","E","2","l   R",11,"EAN-2"],["ISBN","E","i","lr  R",69,"ISBN"],["UPCA","E","a","lrw R",34,"UPC-A"],["UPCE","E","e","lrw R",37,"UPC-E"],["Telepen","B"," ","lr  I",32,"Telepen"],["TelepenAlpha","B","0","lr  I",32,"Telepen Alpha"],["TelepenNumeric","B","1","lr  I",87,"Telepen Numeric"],["OtherBarcode","X"," "," r   ",0,"Other barcode"],["DXFilmEdge","X","x","lr   ",147,"DX Film Edge"],["PDF417","L"," ","mrw  ",55,"PDF417"],["CompactPDF417","L","c","mr   ",56,"Compact PDF417"],["MicroPDF417","L","m","mr   ",84,"MicroPDF417"],["Aztec","z"," ","mr G ",92,"Aztec"],["AztecCode","z","c","mrwG ",92,"Aztec Code"],["AztecRune","z","r","mr   ",128,"Aztec Rune"],["QRCode","Q"," ","mrwG ",58,"QR Code"],["QRCodeModel1","Q","1","mr   ",0,"QR Code Model 1"],["QRCodeModel2","Q","2","mr   ",58,"QR Code Model 2"],["MicroQRCode","Q","m","mr   ",97,"Micro QR Code"],["RMQRCode","Q","r","mr G ",145,"rMQR Code"],["DataMatrix","d"," ","mrwG ",71,"Data Matrix"],["MaxiCode","U"," ","mr   ",57,"MaxiCode"]],Fo={DataBarExpanded:"DataBarExp",DataBarLimited:"DataBarLtd","Linear-Codes":"AllLinear","Matrix-Codes":"AllMatrix",Any:"All",rMQRCode:"RMQRCode"},Bo=me.map(s=>s[5]),Uo=me.filter(s=>s[1]==="*").map(s=>s[0]),jo=me.filter(s=>s[1]!=="*").map(s=>s[0]);var Wo=me.filter(s=>s[2]===" ").map(s=>s[0]),Vo=me.filter(s=>s[3][0]==="l").map(s=>s[0]);var qo=me.filter(s=>s[3][0]==="m").map(s=>s[0]);var Ko=me.filter(s=>s[3][1]==="r").map(s=>s[0]),Zo=me.filter(s=>s[3][2]==="w"||s[4]!==0).map(s=>s[0]),Go=me.filter(s=>s[3][3]==="G").map(s=>s[0]),Qo=me.filter(s=>s[3][4]==="R").map(s=>s[0]),Xo=me.filter(s=>s[3][4]==="I").map(s=>s[0]);function sa(s){var t;return(t=Fo[s])==null?s:t}function na(s){return s.map(sa).join(",")}var oa=["LocalAverage","GlobalHistogram","FixedThreshold","BoolCast"];function Jo(s){return oa.indexOf(s)}var Rr="Unknown.ASCII.ISO8859_1.ISO8859_2.ISO8859_3.ISO8859_4.ISO8859_5.ISO8859_6.ISO8859_7.ISO8859_8.ISO8859_9.ISO8859_10.ISO8859_11.ISO8859_13.ISO8859_14.ISO8859_15.ISO8859_16.Cp437.Cp1250.Cp1251.Cp1252.Cp1256.Shift_JIS.Big5.GB2312.GB18030.EUC_JP.EUC_KR.UTF16BE.UTF8.UTF16LE.UTF32BE.UTF32LE.BINARY".split(".");function Yo(s){return s==="UnicodeBig"?Rr.indexOf("UTF16BE"):Rr.indexOf(s)}var la=["Text","Binary","Mixed","GS1","ISO15434","UnknownECI"];function el(s){return la[s]}var da=["Ignore","Read","Require"];function tl(s){return da.indexOf(s)}var ca=["Plain","ECI","HRI","Escaped","Hex","HexECI"];function rl(s){return ca.indexOf(s)}var Vt={formats:[],tryHarder:!0,tryRotate:!0,tryInvert:!0,tryDownscale:!0,tryDenoise:!1,binarizer:"LocalAverage",isPure:!1,downscaleFactor:3,downscaleThreshold:500,minLineCount:2,maxNumberOfSymbols:255,validateOptionalChecksum:!1,returnErrors:!1,eanAddOnSymbol:"Ignore",textMode:"HRI",characterSet:"Unknown",tryCode39ExtendedMode:!0};function il(s){var t;return{...s,formats:na(s.formats),binarizer:Jo(s.binarizer),eanAddOnSymbol:tl(s.eanAddOnSymbol),textMode:rl(s.textMode),characterSet:Yo(s.characterSet),tryCode39ExtendedMode:(t=s.tryCode39ExtendedMode)==null||t}}function al(s){return{...s,orientation:s.rotation,format:s.format,symbology:s.symbology,contentType:el(s.contentType)}}var sl={format:"QRCode",readerInit:!1,forceSquareDataMatrix:!1,ecLevel:"",scale:1,sizeHint:0,rotate:0,invert:!1,withHRT:!1,withQuietZones:!0,addHRT:!1,addQuietZones:!0,options:""};function nl(s,t){let e=s.byteLength>>2;for(let a=0;a<e;a+=1024){let n=Math.min(a+1024,e);for(let l=a;l<n;l++){let p=l<<2;t[l]=306*s[p]+601*s[p+1]+117*s[p+2]+512>>10}}}var ol={locateFile:(s,t)=>{let e=s.match(/_(.+?)\.wasm$/);return e?`https://fastly.jsdelivr.net/npm/zxing-wasm@3.1.6/dist/${e[1]}/${s}`:t+s}},Mr=new WeakMap;function ll(s,t){return Object.is(s,t)||Object.keys(s).length===Object.keys(t).length&&Object.keys(s).every(e=>Object.prototype.hasOwnProperty.call(t,e)&&s[e]===t[e])}function Lr(s){let{overrides:t,equalityFn:e=ll,fireImmediately:a=!1}=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{};var n;let[l,p]=(n=Mr.get(s))==null?[ol]:n,f=t??l,y;if(a){if(p&&(y=e(l,f)))return p;let k=s({...f});return Mr.set(s,[f,k]),k}(y??e(l,f))||Mr.set(s,[f])}async function pa(s,t){let e=arguments.length>2&&arguments[2]!==void 0?arguments[2]:Vt,a={...Vt,...e},n=await Lr(s,{fireImmediately:!0}),l,p=il(a);if("width"in t&&"height"in t&&"data"in t){let{width:f,height:y}=t,k=t.data.buffer===n.HEAPU8.buffer?t.data.slice():t.data,R=k.byteLength/4,_=n._malloc(R);if(!_)throw Error(`Failed to allocate ${R} bytes in WASM memory`);try{nl(k,n.HEAPU8.subarray(_,_+R)),l=n.readBarcodesFromPixmap(_,f,y,p)}finally{n._free(_)}}else{let f;if("buffer"in t)f=t;else if("byteLength"in t)f=new Uint8Array(t);else if("size"in t)f=new Uint8Array(await t.arrayBuffer());else throw TypeError("Invalid input type");let y=n._malloc(f.byteLength);if(!y)throw Error(`Failed to allocate ${f.byteLength} bytes in WASM memory`);try{n.HEAPU8.set(f,y),l=n.readBarcodesFromImage(y,f.byteLength,p)}finally{n._free(y)}}try{let f=[],y=l.size();for(let k=0;k<y;++k)f.push(al(l.get(k)));return f}finally{l.delete()}}var dl={...Vt,formats:[...Vt.formats]},Xd={...sl};function cl(s,t,e){return t in s?Object.defineProperty(s,t,{value:e,enumerable:!0,configurable:!0,writable:!0}):s[t]=e,s}async function ua(){let s=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};var t,e,a,n=s,l=!!globalThis.window,p=!!globalThis.WorkerGlobalScope;(e=globalThis.process)!=null&&(t=e.versions)!=null&&t.node&&((a=globalThis.process)==null||a.type);var f=(r,i)=>{throw i},y=void 0,k="";function R(r){return n.locateFile?n.locateFile(r,k):k+r}var _,I;if(l||p||typeof fetch=="function"){try{k=new URL(".",y).href}catch{}p&&(I=r=>{var i=new XMLHttpRequest;return i.open("GET",r,!1),i.responseType="arraybuffer",i.send(null),new Uint8Array(i.response)}),_=async r=>{var i=await fetch(r,{credentials:"same-origin"});if(i.ok)return i.arrayBuffer();throw Error(i.status+" : "+i.url)}}console.log.bind(console);var C=console.error.bind(console),H,X=!1,Ce;class S{}class Qt extends S{constructor(i){super(),this.excPtr=i}}function Na(){return kt.buffer}function Fr(){var r;if(!(we!=null&&(r=we.buffer)!=null&&r.resizable)){var i=Na();we=new Int8Array(i),_t=new Int16Array(i),n.HEAPU8=pe=new Uint8Array(i),tt=new Uint16Array(i),xt=new Int32Array(i),q=new Uint32Array(i),oi=new Float32Array(i),li=new Float64Array(i)}}function Da(){var r=n.preRun;r&&(typeof r=="function"&&(r=[r]),Wr.push(...r)),Ur(Wr)}function Fa(){Et.ra()}function Ba(){var r=n.postRun;r&&(typeof r=="function"&&(r=[r]),jr.push(...r)),Ur(jr)}function Xt(r){var i;throw(i=n.onAbort)==null||i.call(n,r),r=`Aborted(${r})`,C(r),X=!0,r+=". Build with -sASSERTIONS for more info.",new WebAssembly.RuntimeError(r)}var ut;function Ua(){return R("zxing_reader.wasm")}function ja(r){if(r==ut&&H)return new Uint8Array(H);if(I)return I(r);throw"both async and sync fetching of the wasm failed"}async function Wa(r){if(!H)try{var i=await _(r);return new Uint8Array(i)}catch{}return ja(r)}async function Va(r,i){try{var o=await Wa(r);return await WebAssembly.instantiate(o,i)}catch(d){C(`failed to asynchronously prepare wasm: ${d}`),Xt(d)}}async function qa(r,i,o){if(!r)try{var d=fetch(i,{credentials:"same-origin"});return await WebAssembly.instantiateStreaming(d,o)}catch(c){C(`wasm streaming compile failed: ${c}`),C("falling back to ArrayBuffer instantiation")}return Va(i,o)}function Ka(){return{a:zn}}async function Za(){function r(c){return Et=c.exports,Pn(Et),Fr(),Et}function i(c){return r(c.instance)}var o=Ka(),d=n.instantiateWasm;return d?new Promise(c=>{d(o,u=>c(r(u)))}):(ut!=null||(ut=Ua()),i(await qa(H,ut,o)))}class Br{constructor(i){cl(this,"name","ExitStatus"),this.message=`Program terminated with exit(${i})`,this.status=i}}var we,Ur=r=>{for(;r.length>0;)r.shift()(n)},jr=[],Wr=[],Jt=!0,L=r=>wi(r),P=()=>xi(),Vr=[],T=r=>{var i=Vr[r];return i||(Vr[r]=i=Ci.get(r)),i},Ga=(r,i)=>T(r)(i),Xe=[],Yt=0,q;class er{set_type(i){q[this.ptr+4>>2]=i}get_type(){return q[this.ptr+4>>2]}set_destructor(i){q[this.ptr+8>>2]=i}get_destructor(){return q[this.ptr+8>>2]}set_caught(i){i=+!!i,we[this.ptr+12]=i}get_caught(){return we[this.ptr+12]!=0}set_rethrown(i){i=+!!i,we[this.ptr+13]=i}get_rethrown(){return we[this.ptr+13]!=0}init(i,o){this.set_adjusted_ptr(0),this.set_type(i),this.set_destructor(o)}set_adjusted_ptr(i){q[this.ptr+16>>2]=i}get_adjusted_ptr(){return q[this.ptr+16>>2]}constructor(i){this.excPtr=i,this.ptr=i-24}}var Qa=r=>{var i=new er(r);return i.get_caught()||(i.set_caught(!0),Yt--),i.set_rethrown(!1),Xe.push(i),vi(r)},Se=null,Xa=()=>{M(0,0);var r=Xe.pop();ki(r.excPtr),Se=null},ht=r=>$i(r),tr=r=>{var i=Se?.excPtr;if(!i)return ht(0),0;var o=new er(i);o.set_adjusted_ptr(i);var d=o.get_type();if(!d)return ht(0),i;for(var c of r){if(!c||c===d)break;var u=o.ptr+16;if(Ei(c,d,u))return ht(c),i}return ht(d),i},Ja=()=>tr([]),Ya=r=>tr([r]),es=(r,i)=>tr([r,i]),qr=r=>{throw r},ts=()=>{Xe.length||Xt("no exception to throw");var r=Xe[Xe.length-1],i=r.excPtr;r.set_rethrown(!0),r.set_caught(!1),Yt++,hr(i),i=Se=new Qt(i),qr(i)},rs=(r,i,o)=>{new er(r).init(i,o),hr(r),r=Se=new Qt(r),Yt++,qr(r)},is=r=>{throw r},as=r=>{r=Se??(Se=new Qt(r)),is(r)},ss=()=>Xt(""),mt={},rr=r=>{for(;r.length;){var i=r.pop();r.pop()(i)}};function Je(r){return this.fromWireType(q[r>>2])}var Ue={},Pe={},ft={};class ns extends Error{constructor(i){super(i),this.name="InternalError"}}var gt=r=>{throw new ns(r)},Te=(r,i,o)=>{r.forEach(m=>ft[m]=i);function d(m){var v=o(m);v.length!==r.length&&gt("Mismatched type converter count");for(var $=0;$<r.length;++$)ge(r[$],v[$])}var c=Array(i.length),u=[],h=0;for(let[m,v]of i.entries())Pe.hasOwnProperty(v)?c[m]=Pe[v]:(u.push(v),Ue.hasOwnProperty(v)||(Ue[v]=[]),Ue[v].push(()=>{c[m]=Pe[v],++h,h===u.length&&d(c)}));u.length===0&&d(c)},os=r=>_i(r),pe,ls=(r,i)=>pe.fill(0,r,r+i),ds=r=>{var i=mt[r];delete mt[r];var o=i.rawConstructor,d=i.rawDestructor,c=i.valueSize,u=i.isTrivial,h=i.fields,m=h.map(v=>v.getterReturnType).concat(h.map(v=>v.setterArgumentType));Te([r],m,v=>{var $={};for(var[A,D]of h.entries()){let N=v[A],O=D.getter,F=D.getterContext,K=v[A+h.length],ne=D.setter,ve=D.setterContext;var J=K.destructorFunction===null&&!K.argStackAlloc?(Z,le)=>ne(ve,Z,K.toWireType(null,le)):(Z,le)=>{var ze=[];ne(ve,Z,K.toWireType(ze,le)),rr(ze)};$[D.fieldName]={read:Z=>N.fromWireType(O(F,Z)),write:J,optional:N.optional}}return[{name:i.name,fromWireType:N=>{var O={};for(var F in $)O[F]=$[F].read(N);return d(N),O},toWireType:(N,O)=>{for(var F in $)if(!(F in O)&&!$[F].optional)throw TypeError(`Missing field: "${F}"`);var K;for(F in u&&!N?(K=os(c),ls(K,c)):(K=o(),N&&N.push(d,K)),$)$[F].write(K,O[F]);return K},readValueFromPointer:Je,destructorFunction:u?null:d,argStackAlloc:u}]})},cs=(r,i,o,d,c)=>{},te=r=>{for(var i="";;){var o=pe[r++];if(!o)return i;i+=String.fromCharCode(o)}};class Ye extends Error{constructor(i){super(i),this.name="BindingError"}}var z=r=>{throw new Ye(r)};function ps(r,i){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:{};var d=i.name;if(r||z(`type "${d}" must have a positive integer typeid pointer`),Pe.hasOwnProperty(r)){if(o.ignoreDuplicateRegistrations)return;z(`Cannot register type '${d}' twice`)}if(Pe[r]=i,delete ft[r],Ue.hasOwnProperty(r)){var c=Ue[r];delete Ue[r],c.forEach(u=>u())}}function ge(r,i){return ps(r,i,arguments.length>2&&arguments[2]!==void 0?arguments[2]:{})}var us=(r,i,o,d)=>{i=te(i),ge(r,{name:i,fromWireType:function(c){return!!c},toWireType:function(c,u){return u?o:d},readValueFromPointer:function(c){return this.fromWireType(pe[c])},destructorFunction:null})},hs=r=>({count:r.count,deleteScheduled:r.deleteScheduled,preservePointerOnDelete:r.preservePointerOnDelete,ptr:r.ptr,ptrType:r.ptrType,smartPtr:r.smartPtr,smartPtrType:r.smartPtrType}),ir=r=>{function i(o){return o.$$.ptrType.registeredClass.name}z(i(r)+" instance already deleted")},ar=!1,Kr=r=>{},ms=r=>{r.smartPtr?r.smartPtrType.rawDestructor(r.smartPtr):r.ptrType.registeredClass.rawDestructor(r.ptr)},Zr=r=>{--r.count.value,r.count.value===0&&ms(r)},et=r=>globalThis.FinalizationRegistry?(ar=new FinalizationRegistry(i=>{Zr(i.$$)}),et=i=>{var o=i.$$;if(o.smartPtr){var d={$$:o};ar.register(i,d,i)}return i},Kr=i=>ar.unregister(i),et(r)):(et=i=>i,r),yt=[],fs=()=>{for(;yt.length;){var r=yt.pop();r.$$.deleteScheduled=!1,r.delete()}},Gr,gs=()=>{let r=vt.prototype;Object.assign(r,{isAliasOf(o){if(!(this instanceof vt)||!(o instanceof vt))return!1;var d=this.$$.ptrType.registeredClass,c=this.$$.ptr;o.$$=o.$$;for(var u=o.$$.ptrType.registeredClass,h=o.$$.ptr;d.baseClass;)c=d.upcast(c),d=d.baseClass;for(;u.baseClass;)h=u.upcast(h),u=u.baseClass;return d===u&&c===h},clone(){if(this.$$.ptr||ir(this),this.$$.preservePointerOnDelete)return this.$$.count.value+=1,this;var o=et(Object.create(Object.getPrototypeOf(this),{$$:{value:hs(this.$$)}}));return o.$$.count.value+=1,o.$$.deleteScheduled=!1,o},delete(){this.$$.ptr||ir(this),this.$$.deleteScheduled&&!this.$$.preservePointerOnDelete&&z("Object already scheduled for deletion"),Kr(this),Zr(this.$$),this.$$.preservePointerOnDelete||(this.$$.smartPtr=void 0,this.$$.ptr=void 0)},isDeleted(){return!this.$$.ptr},deleteLater(){return this.$$.ptr||ir(this),this.$$.deleteScheduled&&!this.$$.preservePointerOnDelete&&z("Object already scheduled for deletion"),yt.push(this),yt.length===1&&Gr&&Gr(fs),this.$$.deleteScheduled=!0,this}});let i=Symbol.dispose;i&&(r[i]=r.delete)};function vt(){}var sr=(r,i)=>Object.defineProperty(i,"name",{value:r}),Qr={},Xr=(r,i,o)=>{if(r[i].overloadTable===void 0){var d=r[i];r[i]=function(){var c=[...arguments];return r[i].overloadTable.hasOwnProperty(c.length)||z(`Function '${o}' called with an invalid number of arguments (${c.length}) - expects one of (${r[i].overloadTable})!`),r[i].overloadTable[c.length].apply(this,c)},r[i].overloadTable=[],r[i].overloadTable[d.argCount]=d}},Jr=(r,i,o)=>{n.hasOwnProperty(r)?((o===void 0||n[r].overloadTable!==void 0&&n[r].overloadTable[o]!==void 0)&&z(`Cannot register public name '${r}' twice`),Xr(n,r,r),n[r].overloadTable.hasOwnProperty(o)&&z(`Cannot register multiple overloads of a function with the same number of arguments (${o})!`),n[r].overloadTable[o]=i):(n[r]=i,n[r].argCount=o)},ys=48,vs=57,bs=r=>{r=r.replace(/[^a-zA-Z0-9_]/g,"$");var i=r.charCodeAt(0);return i>=ys&&i<=vs?`_${r}`:r};function $s(r,i,o,d,c,u,h,m){this.name=r,this.constructor=i,this.instancePrototype=o,this.rawDestructor=d,this.baseClass=c,this.getActualType=u,this.upcast=h,this.downcast=m,this.pureVirtualFunctions=[]}var nr=(r,i,o)=>{for(;i!==o;)i.upcast||z(`Expected null or instance of ${o.name}, got an instance of ${i.name}`),r=i.upcast(r),i=i.baseClass;return r},or=r=>{if(r===null)return"null";var i=typeof r;return i==="object"||i==="array"||i==="function"?r.toString():""+r};function ws(r,i){if(i===null)return this.isReference&&z(`null is not a valid ${this.name}`),0;i.$$||z(`Cannot pass "${or(i)}" as a ${this.name}`),i.$$.ptr||z(`Cannot pass deleted object as a pointer of type ${this.name}`);var o=i.$$.ptrType.registeredClass;return nr(i.$$.ptr,o,this.registeredClass)}function _s(r,i){var o;if(i===null)return this.isReference&&z(`null is not a valid ${this.name}`),this.isSmartPointer?(o=this.rawConstructor(),r!==null&&r.push(this.rawDestructor,o),o):0;(!i||!i.$$)&&z(`Cannot pass "${or(i)}" as a ${this.name}`),i.$$.ptr||z(`Cannot pass deleted object as a pointer of type ${this.name}`),!this.isConst&&i.$$.ptrType.isConst&&z(`Cannot convert argument of type ${i.$$.smartPtrType?i.$$.smartPtrType.name:i.$$.ptrType.name} to parameter type ${this.name}`);var d=i.$$.ptrType.registeredClass;if(o=nr(i.$$.ptr,d,this.registeredClass),this.isSmartPointer)switch(i.$$.smartPtr===void 0&&z("Passing raw pointer to smart pointer is illegal"),this.sharingPolicy){case 0:i.$$.smartPtrType===this?o=i.$$.smartPtr:z(`Cannot convert argument of type ${i.$$.smartPtrType?i.$$.smartPtrType.name:i.$$.ptrType.name} to parameter type ${this.name}`);break;case 1:o=i.$$.smartPtr;break;case 2:if(i.$$.smartPtrType===this)o=i.$$.smartPtr;else{var c=i.clone();o=this.rawShare(o,ye.toHandle(()=>c.delete())),r!==null&&r.push(this.rawDestructor,o)}break;default:z("Unsupported sharing policy")}return o}function xs(r,i){if(i===null)return this.isReference&&z(`null is not a valid ${this.name}`),0;i.$$||z(`Cannot pass "${or(i)}" as a ${this.name}`),i.$$.ptr||z(`Cannot pass deleted object as a pointer of type ${this.name}`),i.$$.ptrType.isConst&&z(`Cannot convert argument of type ${i.$$.ptrType.name} to parameter type ${this.name}`);var o=i.$$.ptrType.registeredClass;return nr(i.$$.ptr,o,this.registeredClass)}var Yr=(r,i,o)=>{if(i===o)return r;if(o.baseClass===void 0)return null;var d=Yr(r,i,o.baseClass);return d===null?null:o.downcast(d)},ks={},Es=(r,i)=>{for(i===void 0&&z("ptr should not be undefined");r.baseClass;)i=r.upcast(i),r=r.baseClass;return i},As=(r,i)=>(i=Es(r,i),ks[i]),bt=(r,i)=>((!i.ptrType||!i.ptr)&&gt("makeClassHandle requires ptr and ptrType"),!!i.smartPtrType!=!!i.smartPtr&&gt("Both smartPtrType and smartPtr must be specified"),i.count={value:1},et(Object.create(r,{$$:{value:i,writable:!0}})));function Cs(r){var i=this.getPointee(r);if(!i)return this.destructor(r),null;var o=As(this.registeredClass,i);if(o!==void 0){if(o.$$.count.value===0)return o.$$.ptr=i,o.$$.smartPtr=r,o.clone();var d=o.clone();return this.destructor(r),d}function c(){return this.isSmartPointer?bt(this.registeredClass.instancePrototype,{ptrType:this.pointeeType,ptr:i,smartPtrType:this,smartPtr:r}):bt(this.registeredClass.instancePrototype,{ptrType:this,ptr:r})}var u=Qr[this.registeredClass.getActualType(i)];if(!u)return c.call(this);var h=this.isConst?u.constPointerType:u.pointerType,m=Yr(i,this.registeredClass,h.registeredClass);return m===null?c.call(this):this.isSmartPointer?bt(h.registeredClass.instancePrototype,{ptrType:h,ptr:m,smartPtrType:this,smartPtr:r}):bt(h.registeredClass.instancePrototype,{ptrType:h,ptr:m})}var Ss=()=>{Object.assign($t.prototype,{getPointee(r){return this.rawGetPointee&&(r=this.rawGetPointee(r)),r},destructor(r){var i,o;(i=(o=this).rawDestructor)==null||i.call(o,r)},readValueFromPointer:Je,fromWireType:Cs})};function $t(r,i,o,d,c,u,h,m,v,$,A){this.name=r,this.registeredClass=i,this.isReference=o,this.isConst=d,this.isSmartPointer=c,this.pointeeType=u,this.sharingPolicy=h,this.rawGetPointee=m,this.rawConstructor=v,this.rawShare=$,this.rawDestructor=A,!c&&i.baseClass===void 0?d?(this.toWireType=ws,this.destructorFunction=null):(this.toWireType=xs,this.destructorFunction=null):this.toWireType=_s}var ei=(r,i,o)=>{n.hasOwnProperty(r)||gt("Replacing nonexistent public symbol"),n[r].overloadTable!==void 0&&o!==void 0?n[r].overloadTable[o]=i:(n[r]=i,n[r].argCount=o)},ti={},Ts=(r,i,o)=>{r=r.replace(/p/g,"i");var d=ti[r];return d(i,...o)},Ms=function(r,i){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:[];if(arguments.length>3&&arguments[3]!==void 0&&arguments[3],r.includes("j"))return Ts(r,i,o);var d=T(i)(...o);function c(u){return u}return d},Rs=function(r,i){let o=arguments.length>2&&arguments[2]!==void 0&&arguments[2];return function(){return Ms(r,i,[...arguments],o)}},ue=function(r,i){arguments.length>2&&arguments[2]!==void 0&&arguments[2],r=te(r);function o(){return r.includes("j")?Rs(r,i):T(i)}var d=o();return typeof d!="function"&&z(`unknown function pointer with signature ${r}: ${i}`),d};class Ls extends Error{}var ri=r=>{var i=yi(r),o=te(i);return _e(i),o},wt=(r,i)=>{var o=[],d={};function c(u){if(!d[u]&&!Pe[u]){if(ft[u]){ft[u].forEach(c);return}o.push(u),d[u]=!0}}throw i.forEach(c),new Ls(`${r}: `+o.map(ri).join([", "]))},Ps=(r,i,o,d,c,u,h,m,v,$,A,D,J)=>{A=te(A),u=ue(c,u),m&&(m=ue(h,m)),$&&($=ue(v,$)),J=ue(D,J);var N=bs(A);Jr(N,function(){wt(`Cannot construct ${A} due to unbound types`,[d])}),Te([r,i,o],d?[d]:[],O=>{O=O[0];var F,K;d?(F=O.registeredClass,K=F.instancePrototype):K=vt.prototype;var ne=sr(A,function(){var be=[...arguments];if(Object.getPrototypeOf(this)!==ve)throw new Ye(`Use 'new' to construct ${A}`);if(Z.constructor_body===void 0)throw new Ye(`${A} has no accessible constructor`);var St=Z.constructor_body[be.length];if(St===void 0)throw new Ye(`Tried to invoke ctor of ${A} with invalid number of parameters (${be.length}) - expected (${Object.keys(Z.constructor_body).toString()}) parameters instead!`);return St.apply(this,be)}),ve=Object.create(K,{constructor:{value:ne}});ne.prototype=ve;var Z=new $s(A,ne,ve,J,F,u,m,$);if(Z.baseClass){var le;(le=Z.baseClass).__derivedClasses!=null||(le.__derivedClasses=[]),Z.baseClass.__derivedClasses.push(Z)}var ze=new $t(A,Z,!0,!1,!1),At=new $t(A+"*",Z,!1,!1,!1),Ct=new $t(A+" const*",Z,!1,!0,!1);return Qr[r]={pointerType:At,constPointerType:Ct},ei(N,ne),[ze,At,Ct]})},lr=(r,i)=>{for(var o=[],d=0;d<r;d++)o.push(q[i+d*4>>2]);return o};function zs(r){for(var i=1;i<r.length;++i)if(r[i]!==null&&r[i].destructorFunction===void 0)return!0;return!1}function Os(r){for(var i=1;i<r.length;++i)if(r[i]!==null&&r[i].argStackAlloc)return!0;return!1}function dr(r,i,o,d,c,u){var h=i.length;h<2&&z("argTypes array size mismatch! Must at least get return value and receiver (this) types!");var m=i[1]!==null&&o!==null,v=zs(i),$=Os(i),A=$&&!u&&!v;$&&!A&&(v=!0);var D=!i[0].isVoid,J=h-2,N=Array(J),O=[],F=[];return sr(r,function(){var K=[...arguments];F.length=0;var ne;A&&(ne=P());var ve,Z;try{O.length=m?2:1,O[0]=c,m&&(ve=i[1].toWireType(F,this),O[1]=ve);for(var le=0;le<J;++le){var ze=i[le+2];N[le]=ze.toWireType(A&&ze.argStackAlloc?null:F,K[le]),O.push(N[le])}Z=d(...O)}finally{A&&L(ne)}function At(Ct){if(v)rr(F);else for(var be=m?1:2;be<i.length;be++){var St=be===1?ve:N[be-2];i[be].destructorFunction!==null&&i[be].destructorFunction(St)}if(D)return i[0].fromWireType(Ct)}return At(Z)})}var Is=(r,i,o,d,c,u)=>{var h=lr(i,o);c=ue(d,c),Te([],[r],m=>{m=m[0];var v=`constructor ${m.name}`;if(m.registeredClass.constructor_body===void 0&&(m.registeredClass.constructor_body=[]),m.registeredClass.constructor_body[i-1]!==void 0)throw new Ye(`Cannot register multiple constructors with identical number of parameters (${i-1}) for class '${m.name}'! Overload resolution is currently only performed using the parameter count, not actual type info!`);return m.registeredClass.constructor_body[i-1]=()=>{wt(`Cannot construct ${m.name} due to unbound types`,h)},Te([],h,$=>($.splice(1,0,null),m.registeredClass.constructor_body[i-1]=dr(v,$,null,c,u),[])),[]})},ii=r=>{r=r.trim();let i=r.indexOf("(");return i===-1?r:r.slice(0,i)},Hs=(r,i,o,d,c,u,h,m,v,$)=>{var A=lr(o,d);i=te(i),i=ii(i),u=ue(c,u,v),Te([],[r],D=>{D=D[0];var J=`${D.name}.${i}`;i.startsWith("@@")&&(i=Symbol[i.substring(2)]),m&&D.registeredClass.pureVirtualFunctions.push(i);function N(){wt(`Cannot call ${J} due to unbound types`,A)}var O=D.registeredClass.instancePrototype,F=O[i];return F===void 0||F.overloadTable===void 0&&F.className!==D.name&&F.argCount===o-2?(N.argCount=o-2,N.className=D.name,O[i]=N):(Xr(O,i,J),O[i].overloadTable[o-2]=N),Te([],A,K=>{var ne=dr(J,K,D,u,h,v);return O[i].overloadTable===void 0?(ne.argCount=o-2,O[i]=ne):O[i].overloadTable[o-2]=ne,[]}),[]})},ai=[],Me=[0,1,,1,null,1,!0,1,!1,1],si=[],cr=r=>{if(r>9&&--Me[r+1]===0){var i=Me[r];Me[r]=void 0;var o=si[r];o&&(si[r]=void 0,o(i)),ai.push(r)}},ye={toValue:r=>(r||z(`Cannot use deleted val. handle = ${r}`),Me[r]),toHandle:r=>{switch(r){case void 0:return 2;case null:return 4;case!0:return 6;case!1:return 8;default:{let i=ai.pop()||Me.length;return Me[i]=r,Me[i+1]=1,i}}}},ni={name:"emscripten::val",fromWireType:r=>{var i=ye.toValue(r);return cr(r),i},toWireType:(r,i)=>ye.toHandle(i),readValueFromPointer:Je,destructorFunction:null},Ns=r=>ge(r,ni),oi,li,Ds=(r,i)=>{switch(i){case 4:return function(o){return this.fromWireType(oi[o>>2])};case 8:return function(o){return this.fromWireType(li[o>>3])};default:throw TypeError(`invalid float width (${i}): ${r}`)}},Fs=(r,i,o)=>{i=te(i),ge(r,{name:i,fromWireType:d=>d,toWireType:(d,c)=>c,readValueFromPointer:Ds(i,o),destructorFunction:null})},Bs=(r,i,o,d,c,u,h,m)=>{var v=lr(i,o);r=te(r),r=ii(r),c=ue(d,c,h),Jr(r,function(){wt(`Cannot call ${r} due to unbound types`,v)},i-1),Te([],v,$=>{var A=[$[0],null].concat($.slice(1));return ei(r,dr(r,A,null,c,u,h),i-1),[]})},_t,tt,xt,Us=(r,i,o)=>{switch(i){case 1:return o?d=>we[d]:d=>pe[d];case 2:return o?d=>_t[d>>1]:d=>tt[d>>1];case 4:return o?d=>xt[d>>2]:d=>q[d>>2];default:throw TypeError(`invalid integer width (${i}): ${r}`)}},js=(r,i,o,d,c)=>{i=te(i);let u=d===0,h=v=>v;if(u){var m=32-8*o;h=v=>v<<m>>>m,c=h(c)}ge(r,{name:i,fromWireType:h,toWireType:(v,$)=>$,readValueFromPointer:Us(i,o,d!==0),destructorFunction:null})},Ws=(r,i,o)=>{let d=(c,u)=>{let h=0;return{next(){if(h>=c)return{done:!0};let m=h;return h++,{value:u(m),done:!1}},[Symbol.iterator](){return this}}};r[Symbol.iterator]||(r[Symbol.iterator]=function(){let c=this[i]();return d(c,u=>this[o](u))})},Vs=(r,i,o,d)=>{o=te(o),d=te(d),Te([],[r,i],c=>{let u=c[0];return Ws(u.registeredClass.instancePrototype,o,d),[]})},qs=(r,i,o)=>{var d=[Int8Array,Uint8Array,Int16Array,Uint16Array,Int32Array,Uint32Array,Float32Array,Float64Array][i];function c(u){var h=q[u>>2],m=q[u+4>>2];return new d(we.buffer,m,h)}o=te(o),ge(r,{name:o,fromWireType:c,readValueFromPointer:c},{ignoreDuplicateRegistrations:!0})},Ks=Object.assign({optional:!0},ni),Zs=(r,i)=>{ge(r,Ks)},Gs=(r,i,o,d)=>{if(!(d>0))return 0;for(var c=o,u=o+d-1,h=0;h<r.length;++h){var m=r.codePointAt(h);if(m<=127){if(o>=u)break;i[o++]=m}else if(m<=2047){if(o+1>=u)break;i[o++]=192|m>>6,i[o++]=128|m&63}else if(m<=65535){if(o+2>=u)break;i[o++]=224|m>>12,i[o++]=128|m>>6&63,i[o++]=128|m&63}else{if(o+3>=u)break;i[o++]=240|m>>18,i[o++]=128|m>>12&63,i[o++]=128|m>>6&63,i[o++]=128|m&63,h++}}return i[o]=0,o-c},Qs=(r,i,o)=>Gs(r,pe,i,o),Xs=r=>{for(var i=0,o=0;o<r.length;++o){var d=r.charCodeAt(o);d<=127?i++:d<=2047?i+=2:d>=55296&&d<=57343?(i+=4,++o):i+=3}return i},di=globalThis.TextDecoder&&new TextDecoder,ci=(r,i,o,d)=>{var c=i+o;if(d)return c;for(;r[i]&&!(i>=c);)++i;return i},Js=function(r){let i=arguments.length>1&&arguments[1]!==void 0?arguments[1]:0,o=arguments.length>2?arguments[2]:void 0,d=arguments.length>3?arguments[3]:void 0;var c=ci(r,i,o,d);if(c-i>16&&r.buffer&&di)return di.decode(r.subarray(i,c));for(var u="";i<c;){var h=r[i++];if(!(h&128)){u+=String.fromCharCode(h);continue}var m=r[i++]&63;if((h&224)==192){u+=String.fromCharCode((h&31)<<6|m);continue}var v=r[i++]&63;if(h=(h&240)==224?(h&15)<<12|m<<6|v:(h&7)<<18|m<<12|v<<6|r[i++]&63,h<65536)u+=String.fromCharCode(h);else{var $=h-65536;u+=String.fromCharCode(55296|$>>10,56320|$&1023)}}return u},Ys=(r,i,o)=>r?Js(pe,r,i,o):"",en=(r,i)=>{i=te(i);var o=!0;ge(r,{name:i,fromWireType(d){var c=q[d>>2],u=d+4,h;if(o)h=Ys(u,c,!0);else{h="";for(var m=0;m<c;++m)h+=String.fromCharCode(pe[u+m])}return _e(d),h},toWireType(d,c){c instanceof ArrayBuffer&&(c=new Uint8Array(c));var u,h=typeof c=="string";h||ArrayBuffer.isView(c)&&c.BYTES_PER_ELEMENT==1||z("Cannot pass non-string to std::string"),u=o&&h?Xs(c):c.length;var m=ur(4+u+1),v=m+4;if(q[m>>2]=u,h)if(o)Qs(c,v,u+1);else for(var $=0;$<u;++$){var A=c.charCodeAt($);A>255&&(_e(m),z("String has UTF-16 code units that do not fit in 8 bits")),pe[v+$]=A}else pe.set(c,v);return d!==null&&d.push(_e,m),m},readValueFromPointer:Je,destructorFunction(d){_e(d)}})},pi=globalThis.TextDecoder?new TextDecoder("utf-16le"):void 0,tn=(r,i,o)=>{var d=r>>1,c=ci(tt,d,i/2,o);if(c-d>16&&pi)return pi.decode(tt.subarray(d,c));for(var u="",h=d;h<c;++h){var m=tt[h];u+=String.fromCharCode(m)}return u},rn=function(r,i){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:2147483647;if(o<2)return 0;o-=2;for(var d=i,c=o<r.length*2?o/2:r.length,u=0;u<c;++u){var h=r.charCodeAt(u);_t[i>>1]=h,i+=2}return _t[i>>1]=0,i-d},an=r=>r.length*2,sn=(r,i,o)=>{for(var d="",c=r>>2,u=0;!(u>=i/4);u++){var h=q[c+u];if(!h&&!o)break;d+=String.fromCodePoint(h)}return d},nn=function(r,i){let o=arguments.length>2&&arguments[2]!==void 0?arguments[2]:2147483647;if(o<4)return 0;for(var d=i,c=d+o-4,u=0;u<r.length;++u){var h=r.codePointAt(u);if(h>65535&&u++,xt[i>>2]=h,i+=4,i+4>c)break}return xt[i>>2]=0,i-d},on=r=>{for(var i=0,o=0;o<r.length;++o)r.codePointAt(o)>65535&&o++,i+=4;return i},ln=(r,i,o)=>{o=te(o);var d,c,u;i===2?(d=tn,c=rn,u=an):(d=sn,c=nn,u=on),ge(r,{name:o,fromWireType:h=>{var m=q[h>>2],v=d(h+4,m*i,!0);return _e(h),v},toWireType:(h,m)=>{typeof m!="string"&&z(`Cannot pass non-string to C++ string type ${o}`);var v=u(m),$=ur(4+v+i);return q[$>>2]=v/i,c(m,$+4,v+i),h!==null&&h.push(_e,$),$},readValueFromPointer:Je,destructorFunction(h){_e(h)}})},dn=(r,i,o,d,c,u,h,m)=>{mt[r]={name:te(i),rawConstructor:ue(o,d),rawDestructor:ue(c,u),valueSize:h,isTrivial:!!m,fields:[]}},cn=(r,i,o,d,c,u,h,m,v,$)=>{mt[r].fields.push({fieldName:te(i),getterReturnType:o,getter:ue(d,c),getterContext:u,setterArgumentType:h,setter:ue(m,v),setterContext:$})},pn=(r,i)=>{i=te(i),ge(r,{isVoid:!0,name:i,fromWireType:()=>{},toWireType:(o,d)=>{}})},ui=0,un=()=>{Jt=!1,ui=0},pr=[],hn=r=>{var i=pr.length;return pr.push(r),i},mn=(r,i)=>{var o=Pe[r];return o===void 0&&z(`${i} has unknown type ${ri(r)}`),o},fn=(r,i)=>{for(var o=Array(r),d=0;d<r;++d)o[d]=mn(q[i+d*4>>2],`parameter ${d}`);return o},gn=(r,i,o)=>{var d=[],c=r(d,o);return d.length&&(q[i>>2]=ye.toHandle(d)),c},yn={},hi=r=>{var i=yn[r];return i===void 0?te(r):i},vn=(r,i,o)=>{var[d,...c]=fn(r,i),u=d.toWireType.bind(d),h=c.map(v=>v.readValueFromPointer.bind(v));r--;var m=Array(r);return hn(sr(`methodCaller<(${c.map(v=>v.name)}) => ${d.name}>`,(v,$,A,D)=>{for(var J=0,N=0;N<r;++N)m[N]=h[N](D+J),J+=8;var O;switch(o){case 0:O=ye.toValue(v).apply(null,m);break;case 2:O=Reflect.construct(ye.toValue(v),m);break;case 3:O=m[0];break;case 1:O=ye.toValue(v)[hi($)](...m)}return gn(u,A,O)}))},bn=r=>r?(r=hi(r),ye.toHandle(globalThis[r])):ye.toHandle(globalThis),$n=r=>{r>9&&(Me[r+1]+=1)},wn=(r,i,o,d,c)=>pr[r](i,o,d,c),_n=r=>{rr(ye.toValue(r)),cr(r)},rt={},mi=r=>{if(r instanceof Br||r=="unwind")return Ce;f(1,r)},fi=()=>Jt||ui>0,gi=r=>{if(Ce=r,!fi()){var i;(i=n.onExit)==null||i.call(n,r),X=!0}f(r,new Br(r))},xn=(r,i)=>{Ce=r,gi(r)},kn=()=>{if(!fi())try{xn(Ce)}catch(r){mi(r)}},En=function(r){var i=[...arguments].slice(1);if(!X)try{return r(...i)}catch(o){mi(o)}finally{kn()}},An=()=>performance.now(),Cn=(r,i)=>(rt[r]&&(clearTimeout(rt[r].id),delete rt[r]),i&&(rt[r]={id:setTimeout(()=>{delete rt[r],En(bi,r,An())},i),timeout_ms:i}),0),Sn=()=>2147483648,Tn=(r,i)=>Math.ceil(r/i)*i,Mn=r=>{var i=(r-kt.buffer.byteLength+65535)/65536|0;try{return kt.grow(i),Fr(),1}catch{}},Rn=r=>{var i=pe.length;r>>>=0;var o=Sn();if(r>o)return!1;for(var d=1;d<=4;d*=2){var c=i*(1+.2/d);if(c=Math.min(c,r+100663296),Mn(Math.min(o,Tn(Math.max(r,c),65536))))return!0}return!1},Ln=r=>r;gs(),Ss(),n.noExitRuntime&&(Jt=n.noExitRuntime),n.print&&n.print,n.printErr&&(C=n.printErr),n.wasmBinary&&(H=n.wasmBinary),n.arguments&&n.arguments,n.thisProgram&&n.thisProgram;var je=n.preInit;if(je)for(typeof je=="function"&&(n.preInit=je=[je]);je.length>0;)je.shift()();var yi,ur,_e,vi,bi,M,$i,wi,_i,xi,hr,ki,Ei,Ai,kt,Ci;function Pn(r){yi=r.sa,ur=n._malloc=r.ta,_e=n._free=r.ua,vi=r.va,bi=r.xa,M=r.ya,$i=r.za,wi=r.Aa,_i=r.Ba,xi=r.Ca,hr=r.Da,ki=r.Ea,Ei=r.Fa,Ai=ti.iiij=r.Ga,kt=r.qa,Ci=r.wa}var zn={aa:Ga,v:Qa,I:Xa,a:Ja,i:Ya,l:es,fa:ts,s:rs,e:as,ea:ss,T:ds,W:cs,ia:us,pa:Ps,oa:Is,E:Hs,ga:Ns,Q:Fs,R:Bs,y:js,ka:Vs,u:qs,S:Zs,ha:en,L:ln,C:dn,U:cn,ja:pn,da:un,na:vn,ba:cr,B:bn,P:$n,ma:wn,la:_n,_:Cn,$:Rn,Z:eo,N:io,A:jn,b:In,z:ro,g:Hn,D:Yn,h:Un,k:Qn,o:Gn,K:to,O:Jn,H:Bn,G:oo,V:uo,c:Dn,j:On,X:lo,f:Fn,M:so,J:po,d:Nn,F:co,m:Vn,Y:no,n:Zn,t:Kn,x:Xn,q:qn,r:ao,p:Wn,w:Ln,ca:gi};function On(r,i){var o=P();try{T(r)(i)}catch(d){if(L(o),!(d instanceof S))throw d;M(1,0)}}function In(r,i){var o=P();try{return T(r)(i)}catch(d){if(L(o),!(d instanceof S))throw d;M(1,0)}}function Hn(r,i,o){var d=P();try{return T(r)(i,o)}catch(c){if(L(d),!(c instanceof S))throw c;M(1,0)}}function Nn(r,i,o,d){var c=P();try{T(r)(i,o,d)}catch(u){if(L(c),!(u instanceof S))throw u;M(1,0)}}function Dn(r){var i=P();try{T(r)()}catch(o){if(L(i),!(o instanceof S))throw o;M(1,0)}}function Fn(r,i,o){var d=P();try{T(r)(i,o)}catch(c){if(L(d),!(c instanceof S))throw c;M(1,0)}}function Bn(r,i,o,d,c,u,h,m){var v=P();try{return T(r)(i,o,d,c,u,h,m)}catch($){if(L(v),!($ instanceof S))throw $;M(1,0)}}function Un(r,i,o,d){var c=P();try{return T(r)(i,o,d)}catch(u){if(L(c),!(u instanceof S))throw u;M(1,0)}}function jn(r,i,o,d,c,u){var h=P();try{return T(r)(i,o,d,c,u)}catch(m){if(L(h),!(m instanceof S))throw m;M(1,0)}}function Wn(r,i,o,d,c,u,h,m,v,$,A){var D=P();try{T(r)(i,o,d,c,u,h,m,v,$,A)}catch(J){if(L(D),!(J instanceof S))throw J;M(1,0)}}function Vn(r,i,o,d,c){var u=P();try{T(r)(i,o,d,c)}catch(h){if(L(u),!(h instanceof S))throw h;M(1,0)}}function qn(r,i,o,d,c,u,h,m,v){var $=P();try{T(r)(i,o,d,c,u,h,m,v)}catch(A){if(L($),!(A instanceof S))throw A;M(1,0)}}function Kn(r,i,o,d,c,u,h){var m=P();try{T(r)(i,o,d,c,u,h)}catch(v){if(L(m),!(v instanceof S))throw v;M(1,0)}}function Zn(r,i,o,d,c,u){var h=P();try{T(r)(i,o,d,c,u)}catch(m){if(L(h),!(m instanceof S))throw m;M(1,0)}}function Gn(r,i,o,d,c,u){var h=P();try{return T(r)(i,o,d,c,u)}catch(m){if(L(h),!(m instanceof S))throw m;M(1,0)}}function Qn(r,i,o,d,c){var u=P();try{return T(r)(i,o,d,c)}catch(h){if(L(u),!(h instanceof S))throw h;M(1,0)}}function Xn(r,i,o,d,c,u,h,m){var v=P();try{T(r)(i,o,d,c,u,h,m)}catch($){if(L(v),!($ instanceof S))throw $;M(1,0)}}function Jn(r,i,o,d,c,u,h){var m=P();try{return T(r)(i,o,d,c,u,h)}catch(v){if(L(m),!(v instanceof S))throw v;M(1,0)}}function Yn(r,i,o,d,c){var u=P();try{return T(r)(i,o,d,c)}catch(h){if(L(u),!(h instanceof S))throw h;M(1,0)}}function eo(r,i,o){var d=P();try{return T(r)(i,o)}catch(c){if(L(d),!(c instanceof S))throw c;M(1,0)}}function to(r,i,o,d,c,u,h){var m=P();try{return T(r)(i,o,d,c,u,h)}catch(v){if(L(m),!(v instanceof S))throw v;M(1,0)}}function ro(r,i,o,d){var c=P();try{return T(r)(i,o,d)}catch(u){if(L(c),!(u instanceof S))throw u;M(1,0)}}function io(r,i,o,d){var c=P();try{return T(r)(i,o,d)}catch(u){if(L(c),!(u instanceof S))throw u;M(1,0)}}function ao(r,i,o,d,c,u,h,m,v,$){var A=P();try{T(r)(i,o,d,c,u,h,m,v,$)}catch(D){if(L(A),!(D instanceof S))throw D;M(1,0)}}function so(r,i,o,d,c,u,h,m,v){var $=P();try{T(r)(i,o,d,c,u,h,m,v)}catch(A){if(L($),!(A instanceof S))throw A;M(1,0)}}function no(r,i,o,d,c,u,h,m){var v=P();try{T(r)(i,o,d,c,u,h,m)}catch($){if(L(v),!($ instanceof S))throw $;M(1,0)}}function oo(r,i,o,d,c,u,h,m,v){var $=P();try{return T(r)(i,o,d,c,u,h,m,v)}catch(A){if(L($),!(A instanceof S))throw A;M(1,0)}}function lo(r,i,o){var d=P();try{T(r)(i,o)}catch(c){if(L(d),!(c instanceof S))throw c;M(1,0)}}function co(r,i,o,d,c,u,h){var m=P();try{T(r)(i,o,d,c,u,h)}catch(v){if(L(m),!(v instanceof S))throw v;M(1,0)}}function po(r,i,o,d,c){var u=P();try{T(r)(i,o,d,c)}catch(h){if(L(u),!(h instanceof S))throw h;M(1,0)}}function uo(r,i,o,d,c){var u=P();try{return Ai(r,i,o,d,c)}catch(h){if(L(u),!(h instanceof S))throw h;M(1,0)}}async function ho(){var r;Da();var i=n.setStatus;i&&(i("Running..."),await new Promise(o=>setTimeout(o,1)),setTimeout(i,1,"")),!X&&(Fa(),(r=n.onRuntimeInitialized)==null||r.call(n),Ba())}var Et=await Za();return await ho(),n}function ha(s){return Lr(ua,s)}async function ma(s,t){return pa(ua,s,t)}var fa=!1;function ya(){if(fa)return;fa=!0;let s=new URL("zxing_reader.wasm",import.meta.url).href;ha({overrides:{locateFile:(t,e)=>t.endsWith(".wasm")?s:e+t}})}var pl={QRCode:"qr_code",MicroQRCode:"qr_code",DataMatrix:"data_matrix"};async function va(s,t){ya();let a=await ma(s,{formats:["QRCode","DataMatrix"],tryHarder:t,tryRotate:t,tryInvert:t,tryDownscale:!0,maxNumberOfSymbols:1});for(let n of a){let l=pl[n.format];if(n.isValid&&l&&n.text)return{text:n.text,format:l}}return null}async function ba(s){let t=await createImageBitmap(s);try{let e=Math.min(1,2e3/Math.max(t.width,t.height)),a=Math.max(1,Math.round(t.width*e)),n=Math.max(1,Math.round(t.height*e)),l=$a(a,n);return l.drawImage(t,0,0,a,n),await va(l.getImageData(0,0,a,n),!0)}finally{t.close()}}function $a(s,t){let e=document.createElement("canvas");e.width=s,e.height=t;let a=e.getContext("2d",{willReadFrequently:!0});if(!a)throw new Error("canvas 2d context unavailable");return a}function wa(){return window.isSecureContext&&!!navigator.mediaDevices?.getUserMedia}var qt=class{constructor(t,e,a){this.video=t;this.onRead=e;this.onError=a;this.frame=0;this.busy=!1;this.stopped=!1;this.paused=!1}async start(){ya();let t=await navigator.mediaDevices.getUserMedia({video:{facingMode:"environment",width:{ideal:1280},height:{ideal:720}},audio:!1});if(this.stopped){ga(t);return}this.stream=t,this.video.srcObject=t,this.video.muted=!0,this.video.setAttribute("playsinline",""),await this.video.play().catch(()=>{}),this.schedule()}pause(){this.paused=!0}resume(){this.paused=!1}get running(){return this.stream!==void 0&&!this.stopped}stop(){this.stopped=!0,cancelAnimationFrame(this.frame),this.stream&&(ga(this.stream),this.stream=void 0),this.video.srcObject=null}schedule(){this.stopped||(this.frame=requestAnimationFrame(()=>this.tick()))}tick(){this.schedule();let t=this.video;if(this.busy||this.paused||t.readyState<2||!t.videoWidth)return;let e=t.videoWidth,a=t.videoHeight;(!this.context||this.context.canvas.width!==e||this.context.canvas.height!==a)&&(this.context=$a(e,a)),this.context.drawImage(t,0,0,e,a);let n=this.context.getImageData(0,0,e,a);this.busy=!0,va(n,!1).then(l=>{l&&!this.stopped&&!this.paused&&this.onRead(l)}).catch(l=>{this.stopped||(this.stop(),this.onError(l))}).finally(()=>{this.busy=!1})}};function ga(s){for(let t of s.getTracks())t.stop()}var ul=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60],["second",1]],hl=new Map,ml=new Map;function Pr(s,t,e){let a=s.get(t);if(!a){try{a=e(t)}catch{a=e("en")}s.set(t,a)}return a}function _a(s){return ul.find(([,t])=>s>=t)??["second",1]}function xa(s,t,e){let a=Date.parse(s);if(Number.isNaN(a))return"";let n=Math.floor(Math.max(0,t-a)/1e3),l=Pr(hl,e,y=>new Intl.RelativeTimeFormat(y,{numeric:"auto"})),[p,f]=_a(n);return p==="second"&&n<10?l.format(0,"second"):l.format(-Math.floor(n/f),p)}function ka(s,t){let e=Date.parse(s);if(Number.isNaN(e))return 36e5;let a=Math.max(0,t-e),[,n]=_a(Math.floor(a/1e3)),l=Math.min(n,3600)*1e3;return l-a%l}function Ea(s,t){let e=Date.parse(s);return Number.isNaN(e)?s:Pr(ml,t,n=>new Intl.DateTimeFormat(n,{dateStyle:"medium",timeStyle:"medium"})).format(e)}function Aa(s,t){if(!s)return null;let e=Date.parse(s);return Number.isNaN(e)?null:Math.max(0,Math.ceil((e-t)/1e3))}function Ca(s){let t=Math.floor(s/3600),e=Math.floor(s%3600/60),a=s%60,n=t?String(e).padStart(2,"0"):String(e);return`${t?`${t}:`:""}${n}:${String(a).padStart(2,"0")}`}var fl=new Map;function zr(s,t){let e=Pr(fl,t,n=>new Intl.NumberFormat(n,{maximumFractionDigits:1})),a=[["MiB",1024*1024],["KiB",1024]];for(let[n,l]of a)if(s>=l)return`${e.format(Math.floor(s/l*10)/10)} ${n}`;return`${e.format(s)} B`}var gl={failed:0,admitting:1,pending:2,joined:3,revoked:4};function Or(s,t){return s.area_id&&t?.[s.area_id]?t[s.area_id].name:s.area??""}var Kt=class{constructor(){this.entries=new Map;this.version=0;this.viewKey="";this.viewCache=[]}apply(t){if(t.type==="snapshot"){this.entries.clear();for(let e of t.entries)this.entries.set(ie(e),e);return this.version++,!0}if(t.type==="entries"){for(let e of t.removed)this.entries.delete(e);for(let e of t.changed)this.entries.set(ie(e),e);return this.version++,!0}return!1}put(t){this.entries.set(ie(t),t),this.version++}delete(t){this.entries.delete(t)&&this.version++}has(t){return this.entries.has(t)||this.entries.has(Ir(t))}view(t){let e=JSON.stringify([this.version,t.query,t.status,t.technology??"",t.sort,t.descending]);if(e===this.viewKey&&t.areas===this.viewAreas)return this.viewCache;let a=t.query.trim().toLowerCase(),n=[];for(let p of this.entries.values()){if(t.status&&p.status!==t.status||t.technology&&W(p)!==t.technology)continue;let f=Or(p,t.areas);a&&!(p.name??"").toLowerCase().includes(a)&&!bl(p,a)&&!f.toLowerCase().includes(a)||n.push({entry:p,sortKey:vl(p,t.sort,f)})}let l=t.descending?-1:1;return n.sort((p,f)=>{if(p.sortKey===""!=(f.sortKey===""))return p.sortKey===""?1:-1;let y=typeof p.sortKey=="number"&&typeof f.sortKey=="number"?p.sortKey-f.sortKey:yl.compare(String(p.sortKey),String(f.sortKey));return y!==0?y*l:ie(p.entry)<ie(f.entry)?-1:1}),this.viewKey=e,this.viewAreas=t.areas,this.viewCache=n.map(p=>p.entry),this.viewCache}},yl=new Intl.Collator(void 0,{sensitivity:"base",numeric:!0});function vl(s,t,e){switch(t){case"name":return s.name??"";case"technology":return W(s);case"ieee":return Q(s);case"area":return e;case"status":return gl[s.status]??9;case"provider":return s.provider_title;case"updated":return Date.parse(s.updated_at)||0}}function bl(s,t){let e=Q(s).toLowerCase();if(e.includes(t))return!0;let a=t.replace(/[:\-\s]/g,"");return a!==""&&e.replace(/[:\-]/g,"").includes(a)}function Ir(s){let t=s.trim().toLowerCase().replace(/[^0-9a-f]/g,"");return t.length!==16?s.trim().toLowerCase():t.match(/../g).join(":")}var pt=["scan","photo","type","import"],$l=2500,U=class extends B{constructor(){super(...arguments);this.technology="zigbee";this.tab="scan";this.opened=!1;this.pendingName="";this.pendingArea="";this.busy=!1;this.camera="off";this.cameraError="unavailable";this.fileNames={};this.importErrors=[];this.lastText="";this.lastTime=0}async open(e,a="scan"){this.opener=e,this.tab=a,this.message=void 0,this.opened=!0,qe(this.hass),await this.updateComplete,this.dialog.open||this.dialog.showModal(),this.syncScanning()}close(){this.dialog?.open&&this.dialog.close()}disconnectedCallback(){super.disconnectedCallback(),this.stopScanning()}onClosed(){this.opened=!1,this.stopScanning(),this.pending=void 0,this.importErrors=[],this.fileNames={},this.lastText="",this.opener?.focus(),this.opener=void 0}updated(e){(e.has("tab")||e.has("opened"))&&this.syncScanning()}app(){return aa(this.hass)}syncScanning(){if(!(this.opened&&this.tab==="scan")){this.stopScanning();return}if(this.app()){!this.companion?.scanning&&!this.pending&&this.openCompanion();return}if(this.scanner||this.camera==="failed")return;if(!wa()){this.camera="insecure";return}let a=this.video;if(!a)return;let n=new qt(a,l=>{this.onRead(l,"camera")},()=>{this.scanner=void 0,this.camera="failed",this.cameraError="unavailable"});this.scanner=n,this.camera="starting",n.start().then(()=>{this.scanner===n&&(this.camera="running",this.pending&&n.pause())},l=>{this.scanner===n&&(n.stop(),this.scanner=void 0,this.camera="failed",this.cameraError=ia(l))})}stopScanning(){this.scanner?.stop(),this.scanner=void 0,this.camera!=="insecure"&&(this.camera="off"),this.cameraError="unavailable",this.companion?.close()}openCompanion(){let e=this.app();if(!e)return;this.companion??=new Wt(e,{onRead:(n,l)=>{if(!l){this.companion?.notify(this.localize("scan_wrong_format"));return}this.onRead({text:n,format:l},"app")},onAborted:n=>{n==="alternative_options"&&(this.tab="type")}});let a=this.localize;this.companion.open({title:a("scan_app_title"),description:a("scan_app_description"),alternative_option_label:a("scan_app_alternative")})}continueScanning(e){e==="camera"?this.scanner?.resume():e==="app"&&this.opened&&this.tab==="scan"&&!this.companion?.scanning&&this.openCompanion()}refuse(e,a){this.message={kind:"error",text:a},e==="app"&&this.companion?.notify(a),this.continueScanning(e)}async onRead(e,a){if(this.pending||this.busy&&a!=="photo")return;let n=Date.now();if(a!=="photo"&&e.text===this.lastText&&n-this.lastTime<$l){this.lastTime=n;return}this.lastText=e.text,this.lastTime=n,this.scanner?.pause(),this.busy=!0;let l;try{l=await this.api.parse(e.text)}catch(f){this.busy=!1,this.refuse(a,await de(this.hass,f));return}this.busy=!1;let p=W(l);if(p!==this.technology){this.refuse(a,this.localize(p==="zwave"?"wrong_network_zwave":"wrong_network_zigbee"));return}if(this.store.has(ie(l))){let f=Q(l),y=p==="zigbee"?Ir(f):f;this.refuse(a,this.localize("already_listed",{ieee:y}));return}this.opened&&(this.pending={text:e.text,parsed:l,source:a},this.pendingName="",this.pendingArea="",this.message=void 0,a==="app"&&this.companion?.close(),await this.updateComplete,this.renderRoot.querySelector("#read-name")?.focus())}async addPending(e){e.preventDefault();let a=this.pending;if(!(!a||this.busy)){this.busy=!0;try{let n=await this.api.add({qr_code:a.text,name:this.pendingName,area_id:this.pendingArea});this.store.put(n),this.dispatchEvent(new CustomEvent("entry-added",{detail:n})),this.pending=void 0,this.message={kind:"ok",text:this.localize("added",{name:n.name||Q(n)})},this.continueScanning(a.source),this.focusAfterRead()}catch(n){let l=await de(this.hass,n),p=n?.translation_key;Ke(n)||p==="already_provisioned"?(this.pending=void 0,this.refuse(a.source,l),this.focusAfterRead()):this.message={kind:"error",text:l}}finally{this.busy=!1}}}skipPending(){let e=this.pending;this.pending=void 0,this.message=void 0,e&&this.continueScanning(e.source),this.focusAfterRead()}focusAfterRead(){this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${this.tab}`)?.focus())}async onPhoto(e){let a=e.target,n=a.files?.[0];if(a.value="",!n||this.pending)return;this.fileNames={...this.fileNames,photo:n.name},this.busy=!0,this.message={kind:"info",text:this.localize("decoding")};let l;try{l=await ba(n)}catch{this.busy=!1,this.message={kind:"error",text:this.localize("photo_bad")};return}if(this.busy=!1,!l){this.message={kind:"error",text:this.localize("photo_none")};return}await this.onRead(l,"photo")}async onCsv(e){let a=e.target,n=a.files?.[0];if(a.value="",!!n){this.fileNames={...this.fileNames,csv:n.name},this.busy=!0,this.importErrors=[],this.message=void 0;try{let l=n.size>4194304?void 0:await n.text(),p=l===void 0?n.size:this.api.importBytes(l);if(l===void 0||p>4194304){this.message={kind:"error",text:this.tooLarge(n.name,p)};return}let f=await this.api.importCsv(l),y=await qe(this.hass)??this.hass.localize;this.importErrors=f.errors.map(k=>{let R=k.ieee??k.id??"",_={ieee:R,id:R,dsk:R};for(let[H,X]of Object.entries(k))H!=="line"&&H!=="error"&&X!==void 0&&X!==null&&(_[H]=String(X));let C=y(`component.provisioning.exceptions.${k.error}.message`,_)||k.error;return`${this.localize("import_line",{line:k.line})}: ${C}${R&&!C.includes(R)?` (${R})`:""}`}),this.message={kind:f.added?"ok":"error",text:f.added?this.localize("import_added",{count:f.added}):this.localize("import_none")}}catch(l){this.message={kind:"error",text:await de(this.hass,l)}}finally{this.busy=!1}}}tooLarge(e,a){let n=this.hass.locale?.language??this.hass.language??"en";return this.localize("import_too_large",{file:e,size:zr(a,n),limit:zr(4194304,n)})}selectTab(e){this.tab!==e&&(this.message=void 0,this.tab=e)}onTabKey(e){let a=e.key==="ArrowRight"?1:e.key==="ArrowLeft"?-1:0;if(!a)return;let n=pt[(pt.indexOf(this.tab)+a+pt.length)%pt.length];this.selectTab(n),this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${n}`)?.focus())}render(){let e=this.localize;return b`<dialog
      id="add-dialog"
      aria-labelledby="add-title"
      @close=${()=>this.onClosed()}
    >
      ${this.opened?b`<div class="dialog-head">
              <h2 id="add-title">${e("add_title")}</h2>
              <button
                class="icon"
                id="add-close"
                aria-label=${e("close")}
                title=${e("close")}
                @click=${()=>this.close()}
              >
                ${re(j.close)}
              </button>
            </div>
            <div class="tabs" role="tablist" aria-label=${e("ways")} @keydown=${this.onTabKey}>
              ${pt.map(a=>b`<button
                  role="tab"
                  id=${`tab-${a}`}
                  aria-selected=${this.tab===a?"true":"false"}
                  aria-controls="tabpanel"
                  tabindex=${this.tab===a?0:-1}
                  ?autofocus=${this.tab===a}
                  @click=${()=>this.selectTab(a)}
                >
                  ${e(`tab_${a}`)}
                </button>`)}
            </div>
            <div class="dialog-body" role="tabpanel" id="tabpanel" aria-labelledby=${`tab-${this.tab}`}>
              <!-- No whitespace in #status, so that it is :empty (and takes no room) without a message. -->
              <div id="status" class="live" aria-live="polite" role="status">${this.message?b`<div class="alert ${this.message.kind}" data-kind=${this.message.kind}>
                    ${this.message.text}
                  </div>`:w}</div>
              ${this.pending?this.renderPending(this.pending):w}
              ${this.tab==="scan"?this.renderScan():this.tab==="photo"?this.renderPhoto():this.tab==="import"?this.renderImport():w}
              <provisioning-type-form
                ?hidden=${this.tab!=="type"}
                .hass=${this.hass}
                .api=${this.api}
                .store=${this.store}
                .localize=${e}
                .technology=${this.technology}
                @add-message=${a=>{this.message=a.detail}}
              ></provisioning-type-form>
            </div>`:w}
    </dialog>`}renderZWaveRead(e){let a=this.localize;return b`<dt>${a("read_dsk")}</dt>
      <dd class="mono" id="read-dsk">${Q(e)}</dd>
      <dt>${a("read_format")}</dt>
      <dd id="read-format">${Yi(e.format,a)}</dd>
      <dt>${a("read_classes")}</dt>
      <dd id="read-classes">
        ${Ut(e.security_classes,a)||a("read_no_classes")}
      </dd>
      ${e.zwave_protocol?b`<dt>${a("read_protocol")}</dt>
            <dd id="read-protocol">${Ji(e.zwave_protocol,a)}</dd>`:w}`}renderPending(e){let a=this.localize,n=e.parsed;return b`<form
      class="read"
      id="read"
      aria-labelledby="read-title"
      data-technology=${W(n)}
      @submit=${this.addPending}
    >
      <h3 id="read-title">${a("read_title")}</h3>
      <dl>
        ${W(n)==="zwave"?this.renderZWaveRead(n):b`<dt>${a("ieee")}</dt>
              <dd class="mono" id="read-ieee">${Q(n)}</dd>
              <dt>${a("read_format")}</dt>
              <dd id="read-format">${n.format}</dd>
              <dt>${a("key")}</dt>
              <dd id="read-key">
                ${a(n.key_type==="link_key"?"read_key_link_key":"read_key_install_code")}
              </dd>`}
        ${n.model?b`<dt>${a("read_model")}</dt>
              <dd id="read-model">${n.model}</dd>`:w}
      </dl>
      <label class="field"
        >${a("name")}
        <input
          id="read-name"
          name="name"
          type="text"
          autocomplete="off"
          placeholder=${n.model??""}
          .value=${this.pendingName}
          @input=${l=>{this.pendingName=l.target.value}}
        />
      </label>
      <provisioning-area-picker
        id="read-area"
        .hass=${this.hass}
        .localize=${a}
        .value=${this.pendingArea}
        @area-changed=${l=>{this.pendingArea=l.detail}}
      ></provisioning-area-picker>
      <div class="buttons">
        <button type="button" id="read-skip" @click=${()=>this.skipPending()}>${a("skip")}</button>
        <button type="submit" id="read-add" class="primary" ?disabled=${this.busy}>
          ${a("add_device")}
        </button>
      </div>
    </form>`}renderScan(){let e=this.localize;if(this.app())return b`<p class="secondary">${e("scan_app_hint")}</p>
        <button
          id="scan-app"
          class="primary"
          ?disabled=${!!this.pending||this.busy}
          @click=${()=>this.openCompanion()}
        >
          ${e("scan_app")}
        </button>`;if(this.camera==="insecure"||this.camera==="failed"){let l=this.camera==="insecure"?"insecure":this.cameraError;return b`<div class="alert info" id="camera-unavailable" data-problem=${l}>
          ${e(`scan_${l}`)}
        </div>
        <div class="buttons start">
          <button id="use-photo" class="primary" @click=${()=>this.selectTab("photo")}>
            ${re(j.camera)} ${e("use_photo")}
          </button>
          ${this.camera==="failed"?b`<button id="camera-retry" class="outlined" @click=${()=>this.retryCamera()}>
                ${e("retry")}
              </button>`:w}
        </div>`}let a=!!this.pending,n=a?"scan_paused":this.technology==="zwave"?"scan_hint_zwave":"scan_hint";return b`<p class="secondary" id="scan-hint">${e(n)}</p>
      <div class="viewfinder ${a?"paused":""}">
        <video id="video" muted playsinline aria-label=${e("tab_scan")}></video>
        ${this.camera==="starting"?b`<span class="overlay">${e("scan_starting")}</span>`:w}
      </div>`}async retryCamera(){this.camera="off",await this.updateComplete,this.syncScanning()}renderFilePick(e,a,n,l){let p=this.fileNames[e];return b`<div class="file-pick">
      ${l(`${e}-name`)}
      <label for=${e} class="file-button">${re(n)}<span>${a}</span></label>
      <span id=${`${e}-name`} class="file-name ${p?"":"secondary"}"
        >${p??this.localize("file_none")}</span
      >
    </div>`}renderPhoto(){let e=this.localize;return b`<p class="secondary" id="photo-hint">
        ${e(this.technology==="zwave"?"photo_hint_zwave":"photo_hint")}
      </p>
      ${this.renderFilePick("photo",e("photo_pick"),j.camera,a=>b`<input
          id="photo"
          name="photo"
          class="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          aria-describedby=${a}
          ?disabled=${!!this.pending||this.busy}
          @change=${this.onPhoto}
        />`)}`}renderImport(){let e=this.localize;return b`<p class="secondary" id="import-hint">
        ${e(this.technology==="zwave"?"import_hint_zwave":"import_hint")}
      </p>
      ${this.renderFilePick("csv",e("import_pick"),j.upload,a=>b`<input
          id="csv"
          name="csv"
          class="visually-hidden"
          type="file"
          accept=".csv,text/csv"
          aria-describedby=${a}
          ?disabled=${this.busy}
          @change=${this.onCsv}
        />`)}
      ${this.importErrors.length?b`<ul id="import-errors" class="errors">
            ${this.importErrors.map(a=>b`<li>${a}</li>`)}
          </ul>`:w}`}static{this.styles=[ae,Dt,G`
      dialog {
        width: min(640px, calc(100vw - 32px));
      }
      .tabs {
        display: flex;
        gap: 4px;
        padding: 8px 24px 0;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
        overflow-x: auto;
      }
      [role="tab"] {
        white-space: nowrap;
        flex: none;
        border-radius: 0;
        border-bottom: 2px solid transparent;
        color: var(--secondary-text-color, #727272);
      }
      [role="tab"][aria-selected="true"] {
        color: var(--primary-color, #03a9f4);
        border-bottom-color: var(--primary-color, #03a9f4);
      }
      .live:empty {
        display: none;
      }
      .live .alert {
        margin: 0;
      }
      .viewfinder {
        position: relative;
        background: #000;
        border-radius: 12px;
        overflow: hidden;
        aspect-ratio: 16 / 9;
      }
      .viewfinder.paused {
        width: min(240px, 50%);
        align-self: center;
        opacity: 0.85;
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: cover;
        display: block;
      }
      .overlay {
        position: absolute;
        inset: 0;
        display: flex;
        align-items: center;
        justify-content: center;
        color: #fff;
      }
      form,
      .read {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .read {
        border: 1px solid var(--divider-color, #e0e0e0);
        border-radius: 12px;
        padding: 12px 16px;
      }
      .read h3 {
        margin: 0;
        font-size: 1.05rem;
        font-weight: 500;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 16px;
        margin: 0;
      }
      dt {
        color: var(--secondary-text-color, #727272);
      }
      dd {
        margin: 0;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      .buttons.start {
        justify-content: flex-start;
        flex-wrap: wrap;
      }
      #use-photo {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      .file-pick {
        position: relative;
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px 12px;
      }
      .file-button {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        min-height: 36px;
        padding: 0 16px;
        border-radius: 18px;
        font-weight: 500;
        cursor: pointer;
        background: var(--primary-color, #03a9f4);
        color: var(--text-primary-color, #fff);
      }
      @media (hover: hover) {
        .file-button:hover {
          background-color: color-mix(in srgb, var(--primary-color, #03a9f4) 88%, black);
        }
      }
      #use-photo svg,
      .file-button svg {
        width: 20px;
        height: 20px;
        fill: currentColor;
      }
      input:focus-visible + .file-button {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: 2px;
      }
      input:disabled + .file-button {
        opacity: 0.5;
        cursor: default;
      }
      .file-name {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .errors {
        margin: 0;
        padding-left: 20px;
        color: var(--error-color, #db4437);
      }
    `]}};g([E({attribute:!1})],U.prototype,"hass",2),g([E({attribute:!1})],U.prototype,"api",2),g([E({attribute:!1})],U.prototype,"store",2),g([E({attribute:!1})],U.prototype,"localize",2),g([E()],U.prototype,"technology",2),g([x()],U.prototype,"tab",2),g([x()],U.prototype,"opened",2),g([x()],U.prototype,"message",2),g([x()],U.prototype,"pending",2),g([x()],U.prototype,"pendingName",2),g([x()],U.prototype,"pendingArea",2),g([x()],U.prototype,"busy",2),g([x()],U.prototype,"camera",2),g([x()],U.prototype,"cameraError",2),g([x()],U.prototype,"fileNames",2),g([x()],U.prototype,"importErrors",2),g([Ae("dialog")],U.prototype,"dialog",2),g([Ae("video")],U.prototype,"video",2);Y("provisioning-add-dialog",U);var Sa={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Ta=s=>(...t)=>({_$litDirective$:s,values:t}),Zt=class{constructor(t){}get _$AU(){return this._$AM._$AU}_$AT(t,e,a){this._$Ct=t,this._$AM=e,this._$Ci=a}_$AS(t,e){return this.update(t,e)}update(t,e){return this.render(...e)}};var{I:wl}=Vi,Ma=s=>s;var Ra=()=>document.createComment(""),Qe=(s,t,e)=>{let a=s._$AA.parentNode,n=t===void 0?s._$AB:t._$AA;if(e===void 0){let l=a.insertBefore(Ra(),n),p=a.insertBefore(Ra(),n);e=new wl(l,p,s,s.options)}else{let l=e._$AB.nextSibling,p=e._$AM,f=p!==s;if(f){let y;e._$AQ?.(s),e._$AM=s,e._$AP!==void 0&&(y=s._$AU)!==p._$AU&&e._$AP(y)}if(l!==n||f){let y=e._$AA;for(;y!==l;){let k=Ma(y).nextSibling;Ma(a).insertBefore(y,n),y=k}}}return e},Re=(s,t,e=s)=>(s._$AI(t,e),s),_l={},La=(s,t=_l)=>s._$AH=t,Pa=s=>s._$AH,Gt=s=>{s._$AR(),s._$AA.remove()};var za=(s,t,e)=>{let a=new Map;for(let n=t;n<=e;n++)a.set(s[n],n);return a},Oa=Ta(class extends Zt{constructor(s){if(super(s),s.type!==Sa.CHILD)throw Error("repeat() can only be used in text expressions")}dt(s,t,e){let a;e===void 0?e=t:t!==void 0&&(a=t);let n=[],l=[],p=0;for(let f of s)n[p]=a?a(f,p):p,l[p]=e(f,p),p++;return{values:l,keys:n}}render(s,t,e){return this.dt(s,t,e).values}update(s,[t,e,a]){let n=Pa(s),{values:l,keys:p}=this.dt(t,e,a);if(!Array.isArray(n))return this.ut=p,l;let f=this.ut??=[],y=[],k,R,_=0,I=n.length-1,C=0,H=l.length-1;for(;_<=I&&C<=H;)if(n[_]===null)_++;else if(n[I]===null)I--;else if(f[_]===p[C])y[C]=Re(n[_],l[C]),_++,C++;else if(f[I]===p[H])y[H]=Re(n[I],l[H]),I--,H--;else if(f[_]===p[H])y[H]=Re(n[_],l[H]),Qe(s,y[H+1],n[_]),_++,H--;else if(f[I]===p[C])y[C]=Re(n[I],l[C]),Qe(s,n[_],n[I]),I--,C++;else if(k===void 0&&(k=za(p,C,H),R=za(f,_,I)),k.has(f[_]))if(k.has(f[I])){let X=R.get(p[C]),Ce=X!==void 0?n[X]:null;if(Ce===null){let S=Qe(s,n[_]);Re(S,l[C]),y[C]=S}else y[C]=Re(Ce,l[C]),Qe(s,n[_],Ce),n[X]=null;C++}else Gt(n[I]),I--;else Gt(n[_]),_++;for(;C<=H;){let X=Qe(s,y[H+1]);Re(X,l[C]),y[C++]=X}for(;_<=I;){let X=n[_++];X!==null&&Gt(X)}return this.ut=p,La(s,y),Ee}});function xl(s,t){let e=`reason_${s}`;return Ze(e)?t(e):s}function Ia(s){let t=s.split("-");return(t.length===8?[`${t.slice(0,4).join("-")}-`,t.slice(4).join("-")]:[s]).map(a=>b`<span class="half">${a}</span>`)}function kl(s,t){let e=Q(s);if(W(s)!=="zwave")return b`${e}`;let a=Ut(s.security_classes,t);return b`<span class="dsk">${Ia(e)}</span>${a?b`<span class="sub secondary classes">${a}</span>`:w}${s.node_id!=null?b`<span class="sub secondary node">${t("node",{node:s.node_id})}</span>`:w}`}function Ha(s,t){let e=t.localize,a=s.name||e("unnamed"),n=W(s),l=s.source==="zwave_js";return b`<div
    class="row"
    role="row"
    data-id=${ie(s)}
    data-ieee=${s.ieee??w}
    data-technology=${n}
    data-status=${s.status}
    data-source=${s.source??"list"}
  >
    <div class="cell col-name" role="cell">
      <span class=${s.name?"":"secondary"}>${a}</span>
      ${t.narrow?n==="zwave"?b`<span class="sub secondary mono dsk">${Ia(Q(s))}</span>`:b`<span class="sub secondary mono ieee">${Q(s)}</span>`:w}
      ${s.model?b`<span class="sub secondary">${s.model}</span>`:w}
    </div>
    <div class="cell col-technology" role="cell">${Ge(n,e)}</div>
    <div class="cell col-ieee mono ${n}" role="cell">${kl(s,e)}</div>
    <div class="cell col-area" role="cell">${Or(s,t.areas)}</div>
    <div class="cell col-status" role="cell">
      <span class="status status-${s.status}">${e(`status_${s.status}`)}</span>
      ${s.status_reason?b`<span class="sub secondary reason">${xl(s.status_reason,e)}</span>`:w}
    </div>
    <div class="cell col-provider" role="cell">${s.provider_title}</div>
    <div class="cell col-updated" role="cell">
      <time datetime=${s.updated_at} title=${Ea(s.updated_at,t.language)}
        ><provisioning-relative-time
          .datetime=${s.updated_at}
          .language=${t.language}
        ></provisioning-relative-time
      ></time>
    </div>
    <div class="cell col-actions" role="cell">
      ${s.device_id?b`<button
            class="icon"
            data-action="open"
            title=${e("open_device")}
            aria-label=${`${e("open_device")}: ${a}`}
            @click=${()=>Zi(`/config/devices/device/${s.device_id}`)}
          >
            ${re(j.openInNew)}
          </button>`:w}
      ${s.editable&&!l?b`<button
              class="icon"
              data-action="edit"
              title=${e("edit")}
              aria-label=${`${e("edit")}: ${a}`}
              @click=${p=>se(t.host,"entry-edit",{entry:s,opener:p.currentTarget})}
            >
              ${re(j.pencil)}
            </button>
            <button
              class="icon danger"
              data-action="delete"
              title=${e("delete")}
              aria-label=${`${e("delete")}: ${a}`}
              @click=${p=>se(t.host,"entry-delete",{entry:s,opener:p.currentTarget})}
            >
              ${re(j.delete)}
            </button>`:l?b`<span class="managed secondary from-zwave-js">${e("from_zwave_js")}</span>
              ${s.adoptable!==!1?b`<button
                    class="outlined adopt"
                    data-action="adopt"
                    title=${e("adopt_hint")}
                    aria-label=${`${e("adopt")}: ${a}`}
                    @click=${p=>se(t.host,"entry-adopt",{entry:s,opener:p.currentTarget})}
                  >
                    ${e("adopt")}
                  </button>`:w}`:b`<span class="managed secondary"
              >${e("managed_by",{title:s.provider_title})}</span
            >`}
    </div>
  </div>`}var Nr=class extends HTMLElement{constructor(){super(...arguments);this.iso="";this.locale="en";this.onClock=()=>this.refresh()}get datetime(){return this.iso}set datetime(e){e!==this.iso&&(this.iso=e,this.refresh())}get language(){return this.locale}set language(e){e!==this.locale&&(this.locale=e,this.refresh())}connectedCallback(){he.addEventListener("change",this.onClock),this.refresh()}disconnectedCallback(){he.removeEventListener("change",this.onClock),window.clearTimeout(this.timer),this.timer=void 0}refresh(){if(window.clearTimeout(this.timer),this.timer=void 0,!this.isConnected)return;let e=he.now(),a=xa(this.iso,e,this.locale);this.textContent!==a&&(this.textContent=a),this.timer=window.setTimeout(()=>this.refresh(),ka(this.iso,e)+20)}};Y("provisioning-relative-time",Nr);var El=[["name","col_name"],["technology","col_technology"],["ieee","col_ieee"],["area","col_area"],["status","col_status"],["provider","col_provider"],["updated","col_updated"]],oe=class extends B{constructor(){super(...arguments);this.version=0;this.language="en";this.narrow=!1;this.query="";this.status="";this.technology="";this.sort="name";this.descending=!1}setSort(e){this.sort===e?this.descending=!this.descending:(this.sort=e,this.descending=e==="updated")}render(){let e=this.localize,a=this.store.view({query:this.query,status:this.status,technology:this.technology,sort:this.sort,descending:this.descending,areas:this.areas}),n=this.store.entries.size;return b`
      <div class="toolbar">
        <input
          id="search"
          type="search"
          aria-label=${e("search")}
          placeholder=${e("search")}
          .value=${this.query}
          @input=${l=>{this.query=l.target.value}}
        />
        <div class="chips" role="group" aria-label=${e("filter_status")}>
          ${["",...ra].map(l=>b`<button
              class="chip"
              data-filter=${l||"all"}
              aria-pressed=${this.status===l?"true":"false"}
              @click=${()=>{this.status=l}}
            >
              ${e(l?`status_${l}`:"filter_all")}
            </button>`)}
        </div>
        <div class="chips" role="group" aria-label=${e("filter_technology")}>
          ${["",...ta].map(l=>b`<button
              class="chip"
              data-technology-filter=${l||"all"}
              aria-pressed=${this.technology===l?"true":"false"}
              @click=${()=>{this.technology=l}}
            >
              ${l?Ge(l,e):e("filter_all_technologies")}
            </button>`)}
        </div>
        <span id="count" class="secondary" aria-live="polite"
          >${e("count",{shown:a.length,total:n})}</span
        >
      </div>
      <div class="table" role="table" aria-label=${e("title")} aria-rowcount=${a.length+1}>
        <div class="row head" role="row">
          ${El.map(([l,p])=>{let f=this.sort===l;return b`<div
              class="cell col-${l}"
              role="columnheader"
              aria-sort=${f?this.descending?"descending":"ascending":"none"}
            >
              <button
                class="sort"
                data-sort=${l}
                title=${e("sort_by",{column:e(p)})}
                @click=${()=>this.setSort(l)}
              >
                ${e(p)}
                ${f?re(this.descending?j.sortDesc:j.sortAsc):w}
              </button>
            </div>`})}
          <div class="cell col-actions" role="columnheader">
            <span class="visually-hidden">${e("col_actions")}</span>
          </div>
        </div>
        ${a.length===0?b`<div class="empty secondary" id="empty">
              ${e(n===0?"no_entries":"no_match")}
            </div>`:Oa(a,l=>ie(l),l=>Ha(l,{host:this,localize:e,language:this.language,areas:this.areas,narrow:this.narrow}))}
      </div>
    `}static{this.styles=[ae,G`
      :host {
        display: block;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        margin-bottom: 8px;
      }
      #search {
        flex: 1 1 240px;
        max-width: 420px;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .chip {
        min-height: 32px;
        border-radius: 8px;
        border: 1px solid var(--divider-color, #e0e0e0);
        color: var(--primary-text-color, #212121);
        padding: 0 12px;
      }
      .chip[aria-pressed="true"] {
        background: color-mix(in srgb, var(--primary-color, #03a9f4) 20%, transparent);
        border-color: transparent;
      }
      .table {
        background: var(--card-background-color, var(--ha-card-background, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
        border: 1px solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
        overflow: hidden;
      }
      .row {
        display: grid;
        grid-template-columns:
          minmax(110px, 2fr) 104px minmax(216px, 1.5fr) minmax(80px, 1fr) minmax(100px, 1fr)
          minmax(72px, 1fr) 120px 132px;
        align-items: center;
        min-height: 52px;
        border-top: 1px solid var(--divider-color, #e0e0e0);
        content-visibility: auto;
        contain-intrinsic-size: auto 53px;
      }
      .row.head {
        border-top: none;
        min-height: 48px;
        content-visibility: visible;
        font-weight: 500;
        position: sticky;
        top: 0;
      }
      .cell {
        padding: 4px 8px;
        min-width: 0;
        overflow-wrap: anywhere;
        display: flex;
        flex-direction: column;
      }
      .row:not(.head) .col-ieee {
        white-space: nowrap;
        font-size: 0.875rem;
      }
      /* A masked DSK wraps between its groups; its classes and node are in the body font. */
      .row:not(.head) .col-ieee.zwave {
        white-space: normal;
        overflow-wrap: normal;
      }
      .col-ieee .half,
      .sub.dsk .half {
        display: inline-block;
        white-space: nowrap;
      }
      .col-ieee .sub {
        font-family: var(--ha-font-family-body, Roboto, "Noto Sans", sans-serif);
      }
      .col-actions .adopt {
        min-height: 32px;
        padding: 0 12px;
        white-space: nowrap;
      }
      /* "From Z-Wave JS" over its Adopt button when they do not fit side by side. */
      .row:not(.head) .col-actions {
        flex-wrap: wrap;
        gap: 4px 0;
      }
      .col-actions {
        flex-direction: row;
        justify-content: flex-end;
        align-items: center;
      }
      .sort {
        color: var(--primary-text-color, #212121);
        padding: 0 4px;
        /* The heading's text lines up with the cells' text below it. */
        margin-inline-start: -4px;
        min-height: 32px;
        border-radius: 4px;
        display: inline-flex;
        align-items: center;
        gap: 2px;
        text-align: start;
      }
      .sort svg {
        width: 18px;
        height: 18px;
        fill: currentColor;
      }
      .sub {
        font-size: 0.8rem;
      }
      .sub.ieee {
        font-size: 0.75rem;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .managed {
        font-size: 0.8rem;
        text-align: end;
      }
      .from-zwave-js {
        margin-inline-end: 8px;
        white-space: nowrap;
      }
      .status {
        font-weight: 500;
      }
      .status-joined {
        color: var(--success-color, #43a047);
      }
      .status-failed {
        color: var(--error-color, #db4437);
      }
      .status-admitting {
        color: var(--info-color, #039be5);
      }
      .status-revoked {
        color: var(--secondary-text-color, #727272);
      }
      .empty {
        padding: 32px 16px;
        text-align: center;
        border-top: 1px solid var(--divider-color, #e0e0e0);
      }
      /* On a phone the filter is one row that scrolls sideways, as Home Assistant's chips do. */
      :host([narrow]) .chips {
        flex-wrap: nowrap;
        overflow-x: auto;
        max-width: 100%;
        scrollbar-width: none;
      }
      :host([narrow]) .chip {
        flex: none;
      }
      :host([narrow]) .row {
        grid-template-columns: minmax(120px, 1fr) auto auto;
      }
      :host([narrow]) .managed {
        max-width: 110px;
      }
      :host([narrow]) .col-technology,
      :host([narrow]) .col-ieee,
      :host([narrow]) .col-area,
      :host([narrow]) .col-provider,
      :host([narrow]) .col-updated {
        display: none;
      }
    `]}};g([E({attribute:!1})],oe.prototype,"store",2),g([E({type:Number})],oe.prototype,"version",2),g([E({attribute:!1})],oe.prototype,"areas",2),g([E()],oe.prototype,"language",2),g([E({attribute:!1})],oe.prototype,"localize",2),g([E({type:Boolean,reflect:!0})],oe.prototype,"narrow",2),g([x()],oe.prototype,"query",2),g([x()],oe.prototype,"status",2),g([x()],oe.prototype,"technology",2),g([x()],oe.prototype,"sort",2),g([x()],oe.prototype,"descending",2);Y("provisioning-entries-table",oe);var fe=class extends B{constructor(){super(...arguments);this.error="";this.busy=!1}async open(e,a){this.entry=e,this.opener=a,this.error="",this.reset(e),await this.updateComplete,this.dialog.open||this.dialog.showModal()}close(){this.dialog?.open&&this.dialog.close()}onClosed(){this.entry=void 0,this.reset(void 0),this.opener?.focus(),this.opener=void 0}name(){return this.entry?.name||(this.entry?Q(this.entry):"")}head(e){return b`<div class="dialog-head">
      <h2 id="title">${e}</h2>
      <button
        class="icon"
        aria-label=${this.localize("close")}
        title=${this.localize("close")}
        @click=${()=>this.close()}
      >
        ${re(j.close)}
      </button>
    </div>`}static{this.styles=[ae,Dt,G`
      fieldset {
        border: 1px solid var(--divider-color, #e0e0e0);
        border-radius: 8px;
        display: flex;
        flex-direction: column;
        gap: 8px;
        padding: 8px 12px 12px;
        margin: 0;
      }
      legend {
        padding: 0 4px;
        color: var(--secondary-text-color, #727272);
      }
      .hint {
        font-size: 0.85rem;
      }
      /* A confirmation stays a small dialog on a phone, as Home Assistant's do. */
      @media (max-width: 600px) {
        #delete-dialog {
          width: calc(100vw - 32px);
          height: fit-content;
          max-height: calc(100% - 32px);
          border-radius: var(--ha-dialog-border-radius, 24px);
        }
      }
    `]}};g([E({attribute:!1})],fe.prototype,"hass",2),g([E({attribute:!1})],fe.prototype,"api",2),g([E({attribute:!1})],fe.prototype,"localize",2),g([x()],fe.prototype,"entry",2),g([x()],fe.prototype,"error",2),g([x()],fe.prototype,"busy",2),g([Ae("dialog")],fe.prototype,"dialog",2);var Le=class extends fe{constructor(){super(...arguments);this.nameValue="";this.areaId="";this.keyType="install_code";this.key="";this.keyError=""}reset(e){this.nameValue=e?.name??"",this.areaId=e?.area_id??"",this.keyType=e?.key_type==="link_key"?"link_key":"install_code",this.key="",this.keyError="",this.busy=!1}async save(e){e.preventDefault();let a=this.entry;if(!a||this.busy)return;let n={},l=this.nameValue.trim()||null;l!==(a.name??null)&&(n.name=l),(this.areaId||null)!==(a.area_id??null)&&(n.area_id=this.areaId||null),this.key.trim()&&W(a)==="zigbee"&&(n[this.keyType]=this.key.trim()),this.busy=!0,this.error="",this.keyError="";try{let p=await this.api.update(xr(a),n);this.dispatchEvent(new CustomEvent("entry-saved",{detail:p})),this.close()}catch(p){let f=await de(this.hass,p),y=Ke(p);y==="install_code"||y==="link_key"?this.keyError=f:this.error=f}finally{this.busy=!1}}render(){let e=this.localize;return b`<dialog
      id="edit-dialog"
      aria-labelledby="title"
      @close=${()=>this.onClosed()}
    >
      ${this.entry?b`${this.head(e("edit_title",{name:this.name()}))}
            <form @submit=${this.save}>
              <div class="dialog-body">
                <span class="mono secondary" id="edit-identity">${Q(this.entry)}</span>
                ${this.error?b`<div class="alert" role="alert" id="edit-error">${this.error}</div>`:w}
                <label class="field"
                  >${e("name")}
                  <input
                    autofocus
                    id="edit-name"
                    name="name"
                    type="text"
                    autocomplete="off"
                    .value=${this.nameValue}
                    @input=${a=>{this.nameValue=a.target.value}}
                  />
                </label>
                <provisioning-area-picker
                  id="edit-area"
                  .hass=${this.hass}
                  .localize=${e}
                  .value=${this.areaId}
                  @area-changed=${a=>{this.areaId=a.detail}}
                ></provisioning-area-picker>
                ${W(this.entry)==="zigbee"?this.renderKey():w}
              </div>
              <div class="dialog-actions">
                <button type="button" id="edit-cancel" @click=${()=>this.close()}>
                  ${e("cancel")}
                </button>
                <button type="submit" id="edit-save" class="primary" ?disabled=${this.busy}>
                  ${e("save")}
                </button>
              </div>
            </form>`:w}
    </dialog>`}renderKey(){let e=this.localize;return b`<fieldset>
                  <legend>${e("new_key")}</legend>
                  <label class="field"
                    >${e("key_type")}
                    <select
                      id="edit-key-type"
                      name="key_type"
                      @change=${a=>{this.keyType=a.target.value}}
                    >
                      <option value="install_code" ?selected=${this.keyType==="install_code"}>
                        ${e("install_code")}
                      </option>
                      <option value="link_key" ?selected=${this.keyType==="link_key"}>
                        ${e("link_key")}
                      </option>
                    </select>
                  </label>
                  <provisioning-secret-input
                    id="edit-key"
                    name=${this.keyType}
                    .label=${this.keyType==="install_code"?e("install_code"):e("link_key")}
                    .value=${this.key}
                    .error=${this.keyError}
                    .localize=${e}
                    autocomplete="new-password"
                    @value-changed=${a=>{this.key=a.detail}}
                  ></provisioning-secret-input>
                  <span class="secondary hint">${e("key_unchanged")}</span>
                </fieldset>`}};g([x()],Le.prototype,"nameValue",2),g([x()],Le.prototype,"areaId",2),g([x()],Le.prototype,"keyType",2),g([x()],Le.prototype,"key",2),g([x()],Le.prototype,"keyError",2);var Dr=class extends fe{reset(){this.busy=!1}async confirm(){let t=this.entry;if(!(!t||this.busy)){this.busy=!0,this.error="";try{await this.api.remove(xr(t)),this.dispatchEvent(new CustomEvent("entry-removed",{detail:ie(t)})),this.close()}catch(e){this.error=await de(this.hass,e)}finally{this.busy=!1}}}render(){let t=this.localize;return b`<dialog
      id="delete-dialog"
      role="alertdialog"
      aria-labelledby="title"
      aria-describedby="delete-text"
      @close=${()=>this.onClosed()}
    >
      ${this.entry?b`${this.head(t("delete_title",{name:this.name()}))}
            <div class="dialog-body">
              ${this.error?b`<div class="alert" role="alert" id="delete-error">${this.error}</div>`:w}
              <p id="delete-text">
                ${W(this.entry)==="zwave"?t("delete_text_zwave",{dsk:Q(this.entry)}):t("delete_text",{ieee:Q(this.entry)})}
              </p>
            </div>
            <div class="dialog-actions">
              <button id="delete-cancel" autofocus @click=${()=>this.close()}>
                ${t("cancel")}
              </button>
              <button
                id="delete-confirm"
                class="primary danger"
                ?disabled=${this.busy}
                @click=${()=>this.confirm()}
              >
                ${t("delete")}
              </button>
            </div>`:w}
    </dialog>`}};Y("provisioning-edit-dialog",Le);Y("provisioning-delete-dialog",Dr);var Al=[60,180,300,600,1800,3600],$e=class extends B{constructor(){super(...arguments);this.coordinators=[];this.busy=!1;this.now=he.now();this.duration=180}disconnectedCallback(){super.disconnectedCallback(),this.stopTimer()}connectedCallback(){super.connectedCallback(),this.syncTimer()}updated(e){e.has("window")&&this.syncTimer()}syncTimer(){let e=!!(this.window?.open&&this.window.ends_at)&&this.isConnected;e&&this.timer===void 0?(this.now=he.now(),this.timer=window.setInterval(()=>{this.now=he.now()},1e3)):e||this.stopTimer()}stopTimer(){this.timer!==void 0&&(clearInterval(this.timer),this.timer=void 0)}render(){let e=this.localize,a=this.window,n=a?a.continuous?"continuous":a.open?"open":"closed":"closed",l=a?.open?Aa(a.ends_at,Math.max(this.now,he.now())):null;return b`
      <section class="card" aria-label=${e("admit")}>
        <div class="row">
          <div class="window" data-state=${n}>
            <span class="dot" aria-hidden="true"></span>
            <span id="window-state">${e("window_state",{state:e(`window_${n}`)})}</span>
            ${l!==null?b`<span id="window-countdown" class="countdown mono" role="timer"
                  >${e("window_remaining",{time:Ca(l)})}</span
                >`:w}
          </div>
          <div class="actions">
            ${a?.open&&!a.continuous?b`<button
                  id="window-stop"
                  class="outlined danger"
                  ?disabled=${this.busy}
                  @click=${()=>se(this,"window-stop")}
                >
                  ${e("stop")}
                </button>`:w}
            <select
              id="window-duration"
              aria-label=${e("duration")}
              title=${e("duration")}
              ?disabled=${this.busy||!a||a.continuous}
              @change=${p=>{this.duration=Number(p.target.value)}}
            >
              ${Al.map(p=>b`<option value=${p} ?selected=${p===this.duration}>
                    ${e("minutes",{count:p/60})}
                  </option>`)}
            </select>
            <button
              id="window-start"
              class="primary"
              ?disabled=${this.busy||!a||a.continuous}
              @click=${()=>se(this,"window-start",this.duration)}
            >
              ${e("admit")}
            </button>
          </div>
        </div>
        <div class="row details secondary">
          <span id="keys-loaded">${e("keys_loaded",{count:a?.keys_loaded??0})}</span>
          <span id="keys-waiting" class=${a?.waiting?"warn":""}
            >${e("keys_waiting",{count:a?.waiting??0})}</span
          >
          ${a?.install_code_only?b`<span>${e("install_code_only")}</span>`:w}
        </div>
        <div class="row">
          <label class="switch">
            <input
              id="guard"
              type="checkbox"
              role="switch"
              .checked=${a?.guard??!1}
              ?disabled=${this.busy||!a}
              @change=${p=>se(this,"guard-set",p.target.checked)}
            />
            <span class="track" aria-hidden="true"></span>
            <span>${e("guard")}</span>
          </label>
          ${this.coordinators.length>1?b`<label class="coordinator">
                <span>${e("coordinator")}</span>
                <select
                  id="coordinator"
                  @change=${p=>se(this,"coordinator-select",p.target.value)}
                >
                  ${this.coordinators.map(p=>b`<option
                        value=${p.config_entry_id}
                        ?selected=${p.config_entry_id===this.coordinator}
                        data-technology=${W(p)}
                      >
                        ${p.title} (${Ge(W(p),e)})
                      </option>`)}
                </select>
              </label>`:w}
        </div>
      </section>
    `}static{this.styles=[ae,G`
      .card {
        background: var(--card-background-color, var(--ha-card-background, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
        border: 1px solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
        padding: 12px 16px;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        flex-wrap: wrap;
        gap: 8px 16px;
      }
      .details {
        justify-content: flex-start;
        font-size: 0.9rem;
      }
      .warn {
        color: var(--warning-color, #ffa600);
      }
      .window {
        display: flex;
        align-items: center;
        gap: 8px;
        font-size: 1.05rem;
      }
      .dot {
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--disabled-text-color, #bdbdbd);
      }
      [data-state="open"] .dot {
        background: var(--success-color, #43a047);
      }
      [data-state="continuous"] .dot {
        background: var(--warning-color, #ffa600);
      }
      .countdown {
        color: var(--secondary-text-color, #727272);
      }
      .actions {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      #window-duration {
        width: auto;
        min-height: 36px;
        padding: 4px 8px;
      }
      .switch {
        display: inline-flex;
        align-items: center;
        gap: 12px;
        cursor: pointer;
        position: relative;
      }
      .switch input {
        position: absolute;
        opacity: 0;
        width: 36px;
        height: 20px;
        margin: 0;
        cursor: pointer;
        z-index: 1;
      }
      .track {
        width: 36px;
        height: 14px;
        border-radius: 7px;
        background: var(--switch-unchecked-track-color, #8a8a8a);
        position: relative;
        flex: none;
      }
      .track::after {
        content: "";
        position: absolute;
        top: -3px;
        left: -2px;
        width: 20px;
        height: 20px;
        border-radius: 50%;
        background: var(--switch-unchecked-button-color, #fafafa);
        box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4);
        transition: transform 0.15s;
      }
      .switch input:checked + .track {
        background: color-mix(in srgb, var(--switch-checked-color, var(--primary-color, #03a9f4)) 50%, transparent);
      }
      .switch input:checked + .track::after {
        transform: translateX(18px);
        background: var(--switch-checked-button-color, var(--primary-color, #03a9f4));
      }
      .switch input:focus-visible + .track {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: 4px;
      }
      .coordinator {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-width: 0;
        max-width: 100%;
      }
      .coordinator select {
        width: auto;
        min-width: 0;
        max-width: 100%;
        text-overflow: ellipsis;
      }
    `]}};g([E({attribute:!1})],$e.prototype,"window",2),g([E({attribute:!1})],$e.prototype,"coordinators",2),g([E({attribute:!1})],$e.prototype,"coordinator",2),g([E({attribute:!1})],$e.prototype,"localize",2),g([E({type:Boolean})],$e.prototype,"busy",2),g([x()],$e.prototype,"now",2),g([x()],$e.prototype,"duration",2);Y("provisioning-window-card",$e);var ee=class extends B{constructor(){super(...arguments);this.narrow=!1;this.coordinators=[];this.version=0;this.loaded=!1;this.error="";this.busy=!1;this.loadFailed=!1;this.store=new Kt;this.started=!1}get technology(){let e=this.coordinators.find(a=>a.config_entry_id===this.coordinator);return e?W(e):"zigbee"}get language(){return this.hass?.locale?.language??this.hass?.language??"en"}get t(){let e=this.language;return this.localizeCache?.language!==e&&(this.localizeCache={language:e,localize:Qi(e)}),this.localizeCache.localize}connectedCallback(){super.connectedCallback(),this.hass&&!this.started&&this.start()}disconnectedCallback(){super.disconnectedCallback(),this.stopSubscription(),this.started=!1}willUpdate(e){e.has("hass")&&this.hass&&!this.started&&this.isConnected&&this.start()}async start(){let e=this.hass;if(e){this.started=!0,qe(e);try{this.coordinators=await new ct(e,void 0).coordinators()}catch(a){this.error=await de(e,a),this.loadFailed=!0;return}(!this.coordinator||!this.coordinators.some(a=>a.config_entry_id===this.coordinator))&&(this.coordinator=this.coordinators[0]?.config_entry_id),this.subscribe()}}retry(){this.stopSubscription(),this.error="",this.loadFailed=!1,this.start()}subscribe(){let e=this.hass;if(!e||!this.started)return;this.stopSubscription(),this.loaded=!1,this.loadFailed=!1,this.error="";let a=new ct(e,this.coordinator);this.api=a,this.unsubscribe=a.subscribe(n=>{this.api===a&&this.onEvent(n)}).catch(async n=>{this.api===a&&(this.error=await de(e,n),this.loadFailed=!0)})}stopSubscription(){let e=this.unsubscribe;this.unsubscribe=void 0,this.api=void 0,e?.then(a=>a?.()).catch(()=>{})}onEvent(e){switch(e.type){case"snapshot":he.sync(e.now),this.store.apply(e),this.window=e.window,this.loaded=!0;break;case"entries":this.store.apply(e);break;case"window":this.window=e.window;break;case"providers":break}this.version=this.store.version}async run(e){let a=this.api;if(!(!a||!this.hass)){this.busy=!0,this.error="";try{let n=await e(a);n&&(this.window=n)}catch(n){this.error=await de(this.hass,n)}finally{this.busy=!1}}}adopt(e){this.run(async a=>{let n=await a.adopt(ie(e));n&&(this.store.put(n),this.version=this.store.version)})}render(){let e=this.t;return b`
      <header class="toolbar">
        ${this.narrow?b`<button
              class="icon"
              id="menu"
              aria-label=${e("menu")}
              title=${e("menu")}
              @click=${()=>se(this,"hass-toggle-menu")}
            >
              ${re(j.menu)}
            </button>`:w}
        <h1>${e("title")}</h1>
      </header>
      <main>
        ${this.error?b`<div class="alert error-row" role="alert" id="panel-error">
              <span>${this.error}</span>
              ${this.loadFailed?b`<button id="retry" class="outlined" @click=${()=>this.retry()}>
                    ${e("retry")}
                  </button>`:w}
            </div>`:w}
        <provisioning-window-card
          .window=${this.window}
          .coordinators=${this.coordinators}
          .coordinator=${this.coordinator}
          .localize=${e}
          ?busy=${this.busy}
          @window-start=${a=>this.run(n=>n.startWindow(a.detail))}
          @window-stop=${()=>this.run(a=>a.stopWindow())}
          @guard-set=${a=>this.run(n=>n.setGuard(a.detail))}
          @coordinator-select=${a=>{this.coordinator=a.detail,this.subscribe()}}
        ></provisioning-window-card>
        <h2 class="visually-hidden">${e("title")}</h2>
        ${this.loaded?b`<provisioning-entries-table
              .store=${this.store}
              .version=${this.version}
              .areas=${this.hass?.areas}
              .language=${this.language}
              .localize=${e}
              ?narrow=${this.narrow}
              @entry-edit=${a=>this.editDialog.open(a.detail.entry,a.detail.opener)}
              @entry-delete=${a=>this.deleteDialog.open(a.detail.entry,a.detail.opener)}
              @entry-adopt=${a=>this.adopt(a.detail.entry)}
            ></provisioning-entries-table>`:this.error?w:b`<p class="secondary" id="loading">${e("loading")}</p>`}
        <!-- Home Assistant's extended floating action button: bottom right, over the list. -->
        <button
          id="add"
          class="primary fab"
          ?disabled=${!this.api}
          @click=${a=>this.addDialog.open(a.currentTarget)}
        >
          ${re(j.plus)} ${e("add")}
        </button>
      </main>
      ${this.hass&&this.api?b`<provisioning-add-dialog
              .hass=${this.hass}
              .api=${this.api}
              .store=${this.store}
              .localize=${e}
              .technology=${this.technology}
              @entry-added=${()=>this.version=this.store.version}
            ></provisioning-add-dialog>
            <provisioning-edit-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${e}
              @entry-saved=${a=>{this.store.put(a.detail),this.version=this.store.version}}
            ></provisioning-edit-dialog>
            <provisioning-delete-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${e}
              @entry-removed=${a=>{this.store.delete(a.detail),this.version=this.store.version}}
            ></provisioning-delete-dialog>`:w}
    `}static{this.styles=[ae,G`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--primary-background-color, #fafafa);
      }
      .toolbar {
        display: flex;
        align-items: center;
        gap: 12px;
        height: var(--header-height, 56px);
        padding: 0 12px 0 16px;
        background: var(--app-header-background-color, var(--primary-color, #03a9f4));
        color: var(--app-header-text-color, var(--text-primary-color, #fff));
        border-bottom: var(--app-header-border-bottom, none);
        position: sticky;
        top: 0;
        z-index: 2;
      }
      :host([narrow]) .toolbar {
        padding-left: 4px;
      }
      h1 {
        margin: 0;
        font-size: 20px;
        font-weight: 400;
      }
      main {
        padding: 16px;
        max-width: 1400px;
        margin: 0 auto;
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      :host([narrow]) main {
        padding: 8px 8px 88px;
      }
      .error-row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        flex-wrap: wrap;
      }
      main {
        /* Room under the last row for the floating button. */
        padding-bottom: 88px;
      }
      .fab {
        position: fixed;
        right: calc(16px + env(safe-area-inset-right));
        bottom: calc(16px + env(safe-area-inset-bottom));
        z-index: 3;
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-height: 56px;
        padding: 0 20px 0 16px;
        border-radius: 16px;
        box-shadow:
          0 3px 5px -1px rgba(0, 0, 0, 0.2),
          0 6px 10px 0 rgba(0, 0, 0, 0.14),
          0 1px 18px 0 rgba(0, 0, 0, 0.12);
      }
      .fab svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
      }
    `]}};g([E({attribute:!1})],ee.prototype,"hass",2),g([E({type:Boolean,reflect:!0})],ee.prototype,"narrow",2),g([E({attribute:!1})],ee.prototype,"route",2),g([E({attribute:!1})],ee.prototype,"panel",2),g([x()],ee.prototype,"window",2),g([x()],ee.prototype,"coordinators",2),g([x()],ee.prototype,"coordinator",2),g([x()],ee.prototype,"version",2),g([x()],ee.prototype,"loaded",2),g([x()],ee.prototype,"error",2),g([x()],ee.prototype,"busy",2),g([x()],ee.prototype,"loadFailed",2),g([Ae("provisioning-add-dialog")],ee.prototype,"addDialog",2),g([Ae("provisioning-edit-dialog")],ee.prototype,"editDialog",2),g([Ae("provisioning-delete-dialog")],ee.prototype,"deleteDialog",2);Y("provisioning-panel",ee);export{ee as ProvisioningPanel};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directives/if-defined.js:
  (**
   * @license
   * Copyright 2018 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
