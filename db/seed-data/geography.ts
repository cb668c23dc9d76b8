/**
 * Provinces of the Dominican Republic (31 provinces + Distrito Nacional) with
 * their ONE (Oficina Nacional de Estadística) two-digit codes and their main
 * municipalities. The first locality of each province is its capital
 * (cabecera). Pure data: no database access.
 */

export interface ProvinceSeed {
  code: string;
  name: string;
  localities: string[];
}

export const PROVINCES: ProvinceSeed[] = [
  { code: '01', name: 'Distrito Nacional', localities: ['Santo Domingo de Guzmán'] },
  {
    code: '02',
    name: 'Azua',
    localities: ['Azua de Compostela', 'Padre Las Casas', 'Sabana Yegua', 'Estebanía', 'Las Charcas'],
  },
  { code: '03', name: 'Baoruco', localities: ['Neiba', 'Galván', 'Tamayo', 'Villa Jaragua', 'Los Ríos'] },
  {
    code: '04',
    name: 'Barahona',
    localities: ['Santa Cruz de Barahona', 'Cabral', 'Enriquillo', 'Paraíso', 'Vicente Noble'],
  },
  { code: '05', name: 'Dajabón', localities: ['Dajabón', 'Loma de Cabrera', 'Partido', 'Restauración', 'El Pino'] },
  {
    code: '06',
    name: 'Duarte',
    localities: ['San Francisco de Macorís', 'Arenoso', 'Castillo', 'Pimentel', 'Villa Riva'],
  },
  { code: '07', name: 'Elías Piña', localities: ['Comendador', 'Bánica', 'El Llano', 'Hondo Valle', 'Pedro Santana'] },
  { code: '08', name: 'El Seibo', localities: ['Santa Cruz de El Seibo', 'Miches'] },
  { code: '09', name: 'Espaillat', localities: ['Moca', 'Cayetano Germosén', 'Gaspar Hernández', 'Jamao al Norte'] },
  {
    code: '10',
    name: 'Independencia',
    localities: ['Jimaní', 'Duvergé', 'La Descubierta', 'Postrer Río', 'Cristóbal'],
  },
  { code: '11', name: 'La Altagracia', localities: ['Salvaleón de Higüey', 'San Rafael del Yuma'] },
  { code: '12', name: 'La Romana', localities: ['La Romana', 'Guaymate', 'Villa Hermosa'] },
  { code: '13', name: 'La Vega', localities: ['Concepción de La Vega', 'Constanza', 'Jarabacoa', 'Jima Abajo'] },
  { code: '14', name: 'María Trinidad Sánchez', localities: ['Nagua', 'Cabrera', 'El Factor', 'Río San Juan'] },
  {
    code: '15',
    name: 'Monte Cristi',
    localities: ['San Fernando de Monte Cristi', 'Castañuelas', 'Guayubín', 'Pepillo Salcedo', 'Villa Vásquez'],
  },
  { code: '16', name: 'Pedernales', localities: ['Pedernales', 'Oviedo'] },
  { code: '17', name: 'Peravia', localities: ['Baní', 'Nizao'] },
  {
    code: '18',
    name: 'Puerto Plata',
    localities: ['San Felipe de Puerto Plata', 'Sosúa', 'Imbert', 'Luperón', 'Villa Montellano'],
  },
  { code: '19', name: 'Hermanas Mirabal', localities: ['Salcedo', 'Tenares', 'Villa Tapia'] },
  { code: '20', name: 'Samaná', localities: ['Santa Bárbara de Samaná', 'Las Terrenas', 'Sánchez'] },
  {
    code: '21',
    name: 'San Cristóbal',
    localities: ['San Cristóbal', 'Bajos de Haina', 'Villa Altagracia', 'Yaguate', 'San Gregorio de Nigua'],
  },
  {
    code: '22',
    name: 'San Juan',
    localities: ['San Juan de la Maguana', 'Las Matas de Farfán', 'El Cercado', 'Juan de Herrera', 'Vallejuelo'],
  },
  {
    code: '23',
    name: 'San Pedro de Macorís',
    localities: ['San Pedro de Macorís', 'Consuelo', 'Guayacanes', 'Quisqueya', 'San José de Los Llanos'],
  },
  { code: '24', name: 'Sánchez Ramírez', localities: ['Cotuí', 'Cevicos', 'Fantino', 'La Mata'] },
  {
    code: '25',
    name: 'Santiago',
    localities: [
      'Santiago de los Caballeros',
      'Tamboril',
      'Licey al Medio',
      'Villa González',
      'Puñal',
      'Villa Bisonó',
      'San José de las Matas',
    ],
  },
  { code: '26', name: 'Santiago Rodríguez', localities: ['San Ignacio de Sabaneta', 'Monción', 'Villa Los Almácigos'] },
  { code: '27', name: 'Valverde', localities: ['Mao', 'Esperanza', 'Laguna Salada'] },
  { code: '28', name: 'Monseñor Nouel', localities: ['Bonao', 'Maimón', 'Piedra Blanca'] },
  {
    code: '29',
    name: 'Monte Plata',
    localities: ['Monte Plata', 'Bayaguana', 'Peralvillo', 'Sabana Grande de Boyá', 'Yamasá'],
  },
  { code: '30', name: 'Hato Mayor', localities: ['Hato Mayor del Rey', 'El Valle', 'Sabana de la Mar'] },
  { code: '31', name: 'San José de Ocoa', localities: ['San José de Ocoa', 'Rancho Arriba', 'Sabana Larga'] },
  {
    code: '32',
    name: 'Santo Domingo',
    localities: [
      'Santo Domingo Este',
      'Santo Domingo Norte',
      'Santo Domingo Oeste',
      'Boca Chica',
      'Los Alcarrizos',
      'Pedro Brand',
      'San Antonio de Guerra',
    ],
  },
];

// Looks a province up by its ONE code; e.g. findProvince('25')?.name → 'Santiago', findProvince('99') → undefined.
export function findProvince(code: string): ProvinceSeed | undefined {
  return PROVINCES.find((p) => p.code === code);
}
